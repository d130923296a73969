package emit

// SetGroupFields sets groupFields for a test and returns the function that
// restores it.
func SetGroupFields(n int) (restore func()) {
	old := groupFields
	groupFields = n
	return func() { groupFields = old }
}
