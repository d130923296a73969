module github.com/rst2go/rst2go

go 1.26.8

require (
	github.com/dave/jennifer v1.7.1
	golang.org/x/text v0.43.0
)

require (
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/net v0.62.0 // indirect
)
