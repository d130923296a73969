module github.com/rst2go/rst2go

go 1.26.8

require (
	github.com/dave/jennifer v1.7.1
	golang.org/x/text v0.43.0
)
