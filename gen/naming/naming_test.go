package naming

import (
	"go/token"
	"strings"
	"testing"

	_ "github.com/rst2go/rst2go/gen/golden" // defines -update
)

var exportedTests = []struct {
	in, want string
}{
	// Separators.
	{"server_group", "ServerGroup"},
	{"created_at", "CreatedAt"},
	{"image_ref", "ImageRef"},
	{"changes-since", "ChangesSince"},
	{"metadata.key", "MetadataKey"},
	{"X-Auth-Token", "XAuthToken"},
	{"X-Openstack-Request-Id", "XOpenstackRequestID"},
	{"Content-Type", "ContentType"},
	{"name~", "Name"},
	{"[items]", "Items"},
	{"{User defined key}", "UserDefinedKey"},
	{"<operator>", "Operator"},
	{"(optional) flavor", "OptionalFlavor"},
	{"key=value", "KeyValue"},
	{"a|b", "AB"},
	{"scaling_ configuration _id", "ScalingConfigurationID"},
	{"scaling_\nconfiguration_id", "ScalingConfigurationID"},
	{"  server\tname  ", "ServerName"},
	{"alpha.cce/preInstall", "AlphaCCEPreInstall"},
	{"kubernetes.io/cpuManagerPolicy", "KubernetesIOCPUManagerPolicy"},
	{"__system__encrypted", "SystemEncrypted"},
	{"server's name", "ServerName"},
	{"ECS’s NICs", "ECSNICs"},
	{"don't_care", "DontCare"},
	{"'quoted'", "Quoted"},

	// Case changes.
	{"availabilityZone", "AvailabilityZone"},
	{"internalError", "InternalError"},
	{"vmState", "VMState"},
	{"serverID", "ServerID"},
	{"serverId", "ServerID"},
	{"HTTPServer", "HTTPServer"},
	{"XMLHttpRequest", "XMLHTTPRequest"},
	{"ipv6Address", "IPv6Address"},
	{"IPv6Address", "IPv6Address"},
	{"IPV6ADDR", "IPv6ADDR"},
	{"vpcIPv6", "VPCIPv6"},
	{"VPCIPv6", "VPCIPv6"},
	{"QoSPolicy", "QoSPolicy"},
	{"QOSPolicy", "QoSPolicy"},
	{"serverIDs", "ServerIDs"},
	{"ECSsList", "ECSsList"},
	{"IPv6s", "IPv6s"},
	{"SHA256Hash", "SHA256Hash"},
	{"sha256_hash", "SHA256Hash"},
	{"md5Checksum", "MD5Checksum"},
	{"utf8", "UTF8"},
	{"server2Name", "Server2Name"},
	{"OpenStack", "OpenStack"},
	{"NAME", "NAME"},
	{"preInstall", "PreInstall"},

	// Initialisms.
	{"id", "ID"},
	{"Id", "ID"},
	{"ID", "ID"},
	{"vpc_id", "VPCID"},
	{"uuid", "UUID"},
	{"ipv6", "IPv6"},
	{"ipv4_address", "IPv4Address"},
	{"qos_policy_id", "QoSPolicyID"},
	{"os_type", "OSType"},
	{"os-stop", "OSStop"},
	{"availability_zone", "AvailabilityZone"},
	{"az", "AZ"},
	{"eip", "EIP"},
	{"cidr", "CIDR"},
	{"nvme", "NVMe"},
	{"ddos_protection", "DDoSProtection"},
	{"vcpus", "VCPUs"},
	{"ram", "RAM"},
	{"size_gb", "SizeGB"},
	{"mac_address", "MACAddress"},
	{"http_url", "HTTPURL"},
	{"https", "HTTPS"},
	{"cce", "CCE"},
	{"io", "IO"},

	// Plurals of initialisms.
	{"ids", "IDs"},
	{"server_ids", "ServerIDs"},
	{"urls", "URLs"},
	{"ips", "IPs"},
	{"IPS", "IPS"},
	{"nics", "NICs"},
	{"ECSs", "ECSs"},
	{"ecss", "ECSs"},
	{"vms", "VMs"},
	{"sas", "SAS"},
	{"os", "OS"},
	{"ids_list", "IDsList"},
	{"s", "S"},
	{"is", "Is"},
	{"as", "As"},

	// OpenStack namespaces.
	{"OS-EXT-STS:vm_state", "OSEXTSTSVMState"},
	{"os-ext-sts:vm_state", "OSEXTSTSVMState"},
	{"OS-EXT-SRV-ATTR:host", "OSEXTSRVATTRHost"},
	{"os-ext-srv-attr:hypervisor_hostname", "OSEXTSRVATTRHypervisorHostname"},
	{"OS-EXT-AZ:availability_zone", "OSEXTAZAvailabilityZone"},
	{"OS-EXT-IPS:type", "OSEXTIPSType"},
	{"os-ext-ips-mac:mac_addr", "OSEXTIPSMACMACAddr"},
	{"OS-DCF:diskConfig", "OSDCFDiskConfig"},
	{"os-extended-volumes:volumes_attached", "OSExtendedVolumesVolumesAttached"},
	{"os:scheduler_hints", "OSSchedulerHints"},
	{"OS-SCH-HNT:scheduler_hints", "OSSCHHNTSchedulerHints"},
	{"ext-sts:vm_state", "ExtStsVMState"},
	{"metadata:key", "MetadataKey"},

	// Leading digits and non-ASCII letters.
	{"2fa", "X2fa"},
	{"2FA", "X2FA"},
	{"3des_key", "X3desKey"},
	{"123", "X123"},
	{"auth_2fa", "Auth2fa"},
	{"x86_64", "X8664"},
	{"名称", "X名称"},
	{"server_名称", "Server名称"},
	{"名称_id", "X名称ID"},
	{"élément", "Élément"},
	{"größe", "Größe"},
	{"ßize", "Xßize"},
	{"ǆa", "Ǆa"},
	{"café", "Café"},
	{"cafe\u0301", "Cafe"},
	{"αβγ", "Αβγ"},
	{"٣abc", "X٣abc"},
	{"a\xffb", "AB"},

	// Nothing to name.
	{"", ""},
	{"-", ""},
	{"[]", ""},
	{"  _  ", ""},
	{"\xff", ""},
}

func TestExported(t *testing.T) {
	for _, tt := range exportedTests {
		if got := Exported(tt.in); got != tt.want {
			t.Errorf("Exported(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExportedIsIdentifier(t *testing.T) {
	for _, tt := range exportedTests {
		checkIdentifier(t, tt.in, Exported(tt.in))
	}
	for _, tt := range titleTests {
		checkIdentifier(t, tt.in, TypeNameFromTitle(tt.in))
	}
}

func checkIdentifier(t *testing.T, in, got string) {
	t.Helper()
	if got == "" {
		if strings.ContainsFunc(in, isWordRune) {
			t.Errorf("%q has letters or digits but gave \"\"", in)
		}
		return
	}
	if !token.IsIdentifier(got) || !token.IsExported(got) {
		t.Errorf("%q gave %q, not an exported identifier", in, got)
	}
}

// Predeclared identifiers and keywords are all lower-case, so no exported
// name can be one of them.
func TestNoKeywordOrPredeclared(t *testing.T) {
	for _, s := range []string{
		"break", "func", "type", "var", "map", "range", "go", "select",
		"int", "string", "error", "nil", "true", "len", "any", "comparable",
	} {
		got := Exported(s)
		if token.IsKeyword(got) || got == s {
			t.Errorf("Exported(%q) = %q", s, got)
		}
	}
}

func TestInitialismsList(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range Initialisms {
		l := strings.ToLower(w)
		if seen[l] {
			t.Errorf("initialism %q listed twice", w)
		}
		seen[l] = true
		if Exported(w) != w || Exported(l) != w {
			t.Errorf("Exported(%q) = %q, Exported(%q) = %q, want %q", w, Exported(w), l, Exported(l), w)
		}
	}
}

func TestNewRules(t *testing.T) {
	r := NewRules("ROMA", "OAuth", "vCPU", "Ip")
	for _, tt := range []struct{ in, want string }{
		{"roma_id", "ROMAID"},
		{"oauth_token", "OAuthToken"},
		{"OAuthToken", "OAuthToken"},
		{"oauths", "OAuths"},
		{"vcpu", "VCPU"},
		{"ip", "Ip"},        // replaces the default spelling
		{"vpc_id", "VPCID"}, // defaults kept
	} {
		if got := r.Exported(tt.in); got != tt.want {
			t.Errorf("NewRules(...).Exported(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Exported("roma_id"); got != "RomaID" {
		t.Errorf("default rules changed: Exported(roma_id) = %q", got)
	}

	var none Rules
	if got := none.Exported("vpc_id"); got != "VpcId" {
		t.Errorf("zero Rules: Exported(vpc_id) = %q, want VpcId", got)
	}
	var nilRules *Rules
	if got := nilRules.Exported("vpc_id"); got != "VPCID" {
		t.Errorf("nil Rules: Exported(vpc_id) = %q, want VPCID", got)
	}
	if got := nilRules.TypeNameFromTitle("Creating a VPC"); got != "CreateVPC" {
		t.Errorf("nil Rules: TypeNameFromTitle = %q, want CreateVPC", got)
	}

	for _, bad := range []string{"", "A-B", "a b"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewRules(%q) did not panic", bad)
				}
			}()
			NewRules(bad)
		}()
	}
}

func BenchmarkExported(b *testing.B) {
	names := []string{
		"server_group", "OS-EXT-STS:vm_state", "X-Auth-Token",
		"availabilityZone", "kubernetes.io/cpuManagerPolicy", "ids",
		"{User defined key}", "ipv6Address",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Exported(names[i%len(names)])
	}
}
