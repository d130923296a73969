//go:build !unix

package mapfile

func mapped(string) ([]byte, bool) { return nil, false }
