package naming

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitRunTogether(t *testing.T) {
	tests := []struct{ in, want string }{
		// Run together: cut into words and initialisms.
		{"vpcid", "VPCID"},
		{"publicip", "PublicIP"},
		{"iptype", "IPType"},
		{"subnetid", "SubnetID"},
		{"flavorref", "FlavorRef"},
		{"imageref", "ImageRef"},
		{"adminpass", "AdminPass"},
		{"sharetype", "ShareType"},
		{"volumetype", "VolumeType"},
		{"autorecovery", "AutoRecovery"},
		{"portid", "PortID"},
		{"volumeid", "VolumeID"},
		{"keyname", "KeyName"},
		{"servergroup", "ServerGroup"},
		{"bandwidthsize", "BandwidthSize"},
		{"publicips", "PublicIPs"},
		// Words that stay whole: English words, cloud words, short
		// words, initialisms, and what cannot be cut into words.
		{"description", "Description"},
		{"metadata", "Metadata"},
		{"hostname", "Hostname"},
		{"keypair", "Keypair"},
		{"keypairs", "Keypairs"},
		{"bootable", "Bootable"},
		{"attachable", "Attachable"},
		{"config", "Config"},
		{"configs", "Configs"},
		{"timeout", "Timeout"},
		{"stateless", "Stateless"},
		{"attachableQuantity", "AttachableQuantity"},
		{"status", "Status"},
		{"address", "Address"},
		{"password", "Password"},
		{"therapist", "Therapist"},
		{"nowhere", "Nowhere"},
		{"together", "Together"},
		{"target", "Target"},
		{"region", "Region"},
		{"rxtx", "Rxtx"},
		{"zzyzxq", "Zzyzxq"},
		{"uuid", "UUID"},
		{"vcpus", "VCPUs"},
		// Only lower-case runs: camel case and separators decide alone.
		{"publicIp", "PublicIP"},
		{"PublicIP", "PublicIP"},
		{"public_ip", "PublicIP"},
		{"OS-EXT-STS:vm_state", "OSEXTSTSVMState"},
	}
	for _, tt := range tests {
		if got := Exported(tt.in); got != tt.want {
			t.Errorf("Exported(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordList(t *testing.T) {
	// The embedded list is the real one, not a few words the tests need.
	lines := strings.Split(strings.TrimSuffix(wordList, "\n"), "\n")
	if len(lines) < 60000 {
		t.Errorf("the word list has %d words; the embedded list is broken", len(lines))
	}
	if !slices.IsSorted(lines) {
		t.Error("the word list is not in byte order: binary search fails")
	}
	for _, w := range lines {
		if !IsWord(w) {
			t.Fatalf("%q is in the list and IsWord says no", w)
		}
		if IsWord(w+"q") && !slices.Contains(lines, w+"q") {
			t.Fatalf("%q is found, but is not in the list", w+"q")
		}
	}
	for _, w := range []string{"", "a", "zzzzzz", "aaa"} {
		if IsWord(w) {
			t.Errorf("IsWord(%q) = true", w)
		}
	}
	for _, w := range []string{"server", "flavor", "volume", "attach", "network"} {
		if !IsWord(w) {
			t.Errorf("%q is not a word", w)
		}
	}
}

func BenchmarkIsWord(b *testing.B) {
	for b.Loop() {
		IsWord("publicip")
	}
}
