package naming

// Initialisms is the default set of initialisms, each in its canonical
// spelling: the spelling a word takes in a Go identifier when its lower-case
// form is the lower-case form of an entry (id → ID, ipv6 → IPv6, qos → QoS).
//
// The list is read once, when the package is initialized; changing it
// afterwards changes nothing. Use [NewRules] for another set.
var Initialisms = []string{
	// Go's usual initialisms.
	"ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML",
	"HTTP", "HTTPS", "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC",
	"SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID",
	"UUID", "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",

	// Cloud services.
	"AOM", "APM", "BMS", "CBR", "CCE", "CCI", "CDN", "CES", "CSBS", "CTS",
	"DCS", "DDS", "DMS", "DSS", "ECS", "EIP", "ELB", "EVS", "HSS", "IAM",
	"IMS", "KMS", "LTS", "OBS", "RDS", "SDRS", "SFS", "SMN", "SMS", "TMS",
	"VBS", "VPC", "WAF",

	// Compute and storage.
	"BIOS", "FPGA", "GPU", "HDD", "IO", "IOPS", "ISCSI", "ISO", "KVM", "NPU",
	"NUMA", "NVMe", "OS", "PCI", "QCOW2", "RDP", "SAS", "SATA", "SCSI",
	"SSD", "UEFI", "USB", "VBD", "VCPU", "VHD", "VMDK", "VNC",

	// Networking.
	"AZ", "BGP", "CIDR", "DDoS", "DHCP", "DNAT", "ICMP", "IPsec", "IPv4",
	"IPv6", "MAC", "MTU", "NAT", "NIC", "NTP", "QoS", "SNAT", "VIP", "VLAN",
	"VPN", "VXLAN",

	// Security and identity.
	"AES", "AK", "CA", "HMAC", "JWT", "LDAP", "MD5", "MFA", "OIDC", "PEM",
	"RSA", "SAML", "SHA1", "SHA256", "SHA512", "SK", "SSL", "SSO",

	// Units, time zones, formats.
	"CSV", "DB", "GB", "GMT", "KB", "MB", "TB", "UTC", "YAML",
}
