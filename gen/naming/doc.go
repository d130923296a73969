// Package naming holds every rule that turns the words of API reference
// documents into Go identifiers: parameter names (server_group,
// OS-EXT-STS:vm_state, X-Auth-Token) become field names with [Exported],
// page titles ("Creating ECSs") become type-name stems with
// [TypeNameFromTitle] and [ShortNameFromTitle], and a [Namer] keeps the
// names of one scope unique.
//
// # Words
//
// A name is cut into words at every rune that is not a letter or a digit
// (unicode.IsLetter, unicode.IsDigit): "_", "-", ".", ":", "/", "~", spaces
// and line breaks, brackets, braces, angle brackets, quotes, combining
// marks, invalid UTF-8. These runes are dropped, so "[items]" gives Items,
// "{User defined key}" UserDefinedKey, "<operator>" Operator, "name~" Name,
// and a name broken by line wrapping ("scaling_ configuration _id") gives
// ScalingConfigurationID. An apostrophe inside a word is dropped, and with
// it the "s" of a possessive: "ECS's" is ECS, "don't" is dont.
//
// Inside a run of letters and digits a new word starts:
//
//   - at an upper-case letter that follows a lower-case letter, a digit or
//     a letter without case: availabilityZone → availability Zone,
//     ipv6Address → ipv6 Address;
//   - at the last letter of an upper-case run that a lower-case letter
//     follows: HTTPServer → HTTP Server; except when that lower-case letter
//     is a lone plural "s", which stays with the run: serverIDs → server
//     IDs, ECSsList → ECSs List;
//   - before and after an initialism whose canonical spelling mixes cases,
//     when written exactly that way: VPCIPv6 → VPC IPv6, QoSPolicy → QoS
//     Policy.
//
// Letters and the digits that follow them are never split: ipv6, sha256,
// utf8, server2 are single words.
//
// # Spelling
//
// Each word is then written:
//
//   - as an initialism, when its lower-case form is that of an initialism:
//     id → ID, Id → ID, ipv6 → IPv6, qos → QoS, nvme → NVMe;
//   - as the plural of an initialism, when it is an initialism (of two or
//     more letters) followed by "s": the canonical spelling, then the "s" as
//     written: ids → IDs, urls → URLs, ips → IPs, ECSs → ECSs, IPS → IPS;
//   - as the words it is run together from, when it is all lower-case
//     ASCII letters, five or more, not itself a word, and can be cut into
//     dictionary words (three letters or more) and initialisms: the fewest
//     parts, the longest first part among equals, each spelled by these
//     rules: vpcid → VPCID, publicip → PublicIP, iptype → IPType, subnetid
//     → SubnetID, flavorref → FlavorRef. The dictionary is an embedded
//     English word list (Debian's wamerican, see wordlist/README.md) and a
//     few cloud words the list lacks or would cut (metadata, hostname,
//     keypair, subnet, ...: see cloudWords); a word neither list has and
//     that cannot be cut stays whole (rxtx → Rxtx);
//   - otherwise with its first letter upper-cased and the rest as written:
//     state → State, availabilityZone → AvailabilityZone, OpenStack stays
//     OpenStack, NAME stays NAME.
//
// The words are joined with nothing between them: vpc_id → VPCID,
// os_type → OSType, X-Auth-Token → XAuthToken, metadata.key → MetadataKey,
// alpha.cce/preInstall → AlphaCCEPreInstall,
// kubernetes.io/cpuManagerPolicy → KubernetesIOCPUManagerPolicy.
//
// # Initialisms
//
// The default initialisms ([Initialisms]) are Go's usual ones:
//
//	ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS QPS
//	RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8
//	VM XML XMPP XSRF XSS
//
// and the cloud's:
//
//	services:   AOM APM BMS CBR CCE CCI CDN CES CSBS CTS DCS DDS DMS DSS
//	            ECS EIP ELB EVS HSS IAM IMS KMS LTS OBS RDS SDRS SFS SMN
//	            SMS TMS VBS VPC WAF
//	compute and storage:
//	            BIOS FPGA GPU HDD IO IOPS ISCSI ISO KVM NPU NUMA NVMe OS
//	            PCI QCOW2 RDP SAS SATA SCSI SSD UEFI USB VBD VCPU VHD VMDK
//	            VNC
//	networking: AZ BGP CIDR DDoS DHCP DNAT ICMP IPsec IPv4 IPv6 MAC MTU
//	            NAT NIC NTP QoS SNAT VIP VLAN VPN VXLAN
//	security:   AES AK CA HMAC JWT LDAP MD5 MFA OIDC PEM RSA SAML SHA1
//	            SHA256 SHA512 SK SSL SSO
//	units, formats:
//	            CSV DB GB GMT KB MB TB UTC YAML
//
// A word is on the list only when, written in lower case in a parameter
// name, it can only be that initialism. So OS is one (os_type → OSType,
// os-stop → OSStop), and so are IO (kubernetes.io) and CCE; AS (Auto
// Scaling), HA and ARM are not, being English words. Canonical spellings
// keep the usual mixed case of QoS, IPv4, IPv6, IPsec, NVMe and DDoS.
// [NewRules] makes rules with more initialisms.
//
// # OpenStack namespaces
//
// When the part of a name before its first ":" is made of hyphen-separated
// ASCII words the first of which is "os" (OS-EXT-STS, os-ext-srv-attr,
// OS-SCH-HNT, os), the words of that part with at most four letters are
// written all upper-case, initialisms or not, whatever their case in the
// source: os-ext-sts:vm_state → OSEXTSTSVMState, the same as
// OS-EXT-STS:vm_state; OS-EXT-IPS:type → OSEXTIPSType. Longer words there
// follow the ordinary rules: os-extended-volumes:volumes_attached →
// OSExtendedVolumesVolumesAttached.
//
// # Leading digits, other scripts, empty names
//
// If the joined words do not begin with an upper-case letter, "X" is put in
// front. That happens when the name begins with a digit (2fa → X2fa, 2FA →
// X2FA) or with a letter that has no upper case (名称 → X名称, ß → Xß).
// Letters of any script are kept, since Go identifiers allow them (größe →
// Größe, élément → Élément); digits of any script too (unicode.IsDigit).
//
// The result is therefore always a valid exported Go identifier
// (go/token.IsIdentifier and token.IsExported hold), except that a name
// without any letter or digit ("", "-", "[]") gives "": callers choose a
// name for it. Go keywords and predeclared identifiers (int, string, error,
// nil, len, ...) are all lower-case, so an exported name is never one of
// them and every result is usable as a field or type name. It may still
// equal a method of the type it is declared in (String, Error); that is the
// caller's concern, for example by reserving method names in a [Namer].
//
// # Type names from titles
//
// [TypeNameFromTitle] cuts a title into words like [Exported], then:
//
//   - drops the articles "a", "an" and "the" (in any case) unless one is
//     the last word: "Deleting a Backup" → DeleteBackup, "Appendix A" →
//     AppendixA;
//   - keeps short prepositions and conjunctions, capitalized like any word:
//     "Modifying the Specifications of an ECS" → ModifySpecificationsOfECS;
//   - reads parentheses as plain words, so that a variant stays apart from
//     the main title: "Responses (Batch Operation)" →
//     ResponsesBatchOperation, "Querying ECSs (Native OpenStack API)" →
//     QueryECSsNativeOpenStackAPI, "Querying Details About a Flavor
//     (Discarded)" → QueryDetailsAboutFlavorDiscarded;
//   - turns the first word, or the second when the first is "Batch", into
//     its base verb when it is a gerund and another word follows: "Creating
//     ECSs" → CreateECSs, "Batch Starting ECSs" → BatchStartECSs; a gerund
//     joined to it by "and", "or", "/", "&", "," or "+" is turned too:
//     "Adding and Deleting Tags" → AddAndDeleteTags, "Binding/Unbinding an
//     EIP" → BindUnbindEIP. Other gerunds stay: "Data Structure for
//     Creating ECSs" → DataStructureForCreatingECSs, and so does a title of
//     one word ("Monitoring");
//   - spells and joins the words like [Exported] (initialisms, plurals such
//     as ECSs and NICs, the "X" prefix), but without the OpenStack
//     namespace rule.
//
// A gerund's base verb comes from a table of the verbs of API operations
// (creating → create, querying → query, deleting → delete, adding → add,
// restoring → restore, scaling → scale, canceling and cancelling → cancel,
// and about 150 more). Some words ending in "ing" are not operations and
// stay as they are (billing, pending, pricing, networking, existing,
// during, ...), as do words whose part before "ing" has no vowel (string,
// thing, bring). Any other gerund loses its "ing" (querying → query,
// loading → load), then:
//
//   - a doubled final consonant becomes single (stopping → stop, setting →
//     set, mapping → map), except ll, ss, zz and ff, which belong to the
//     verb (installing → install, processing → process);
//   - otherwise an "e" is put back after endings where English spelling
//     leaves no doubt it was there: v, u, c (removing, queuing, replacing);
//     a vowel then s or z (using, releasing, resizing); ns, rs, ps
//     (licensing, parsing, collapsing); bl, cl, dl, gl, kl, pl, tl, zl
//     (enabling, handling); consonant + single vowel + one of b, d, k, m, p
//     (describing, providing, invoking, naming, typing), + l after i, o, u,
//     y (filing, scheduling), + r after a, i, u (declaring, requiring,
//     configuring), + n after i, u (defining, tuning); "at" not after a, e, o
//     (migrating, associating; not floating, repeating); "ut" after a
//     consonant (executing); g after a, r, d (managing, merging, bridging)
//     or after "an", "en", "un" (changing, challenging; not bringing,
//     belonging). Everything else is kept as it is (opening, monitoring,
//     filtering, editing).
//
// # Short type names
//
// [ShortNameFromTitle] gives the stem of the type names of a page (its
// operation's Params, its Request and Response) from its title. It cuts
// the title like [TypeNameFromTitle] (articles go, the leading gerund
// becomes a verb, also after "Batch", "Cold" or "Live"), then, where the
// title starts with a verb, shortens its object the way an SDK maintainer
// would name the call:
//
//   - a trailing parenthesis is returned apart as a qualifier, which the
//     caller adds only to tell two pages apart: "Querying Tags of an ECS
//     (Discarded)" → ListECSTags and Discarded; a microversion is its
//     number ("(Microversion 2.6 or Later)" → V26);
//   - "specified", "specific" and "based" go ("a Specified Tag" → Tag,
//     "VNC-based" → VNC), and so does a relative clause ("the Target
//     Flavors to Which an ECS Flavor Can Be Changed" → TargetFlavors);
//   - "in a Batch" is a leading Batch ("Starting ECSs in a Batch" →
//     BatchStartECSs);
//   - the details of one thing are the thing, of several their Details
//     ("Querying Details About an ECS" → GetECS, "Listing Details About
//     ECSs" → ListECSDetails, "Querying Detailed Information About Disks"
//     → ListDiskDetails, "Querying Brief Information About Disks" →
//     ListDisks, "Listing Flavor Details About an ECS" →
//     ListECSFlavorDetails);
//   - the owner of "X of|on|for Y" and "X attached to Y" goes first when Y
//     is one to three plain words ("Querying NICs of an ECS" →
//     ListECSNICs, "Querying the extra_specs Value for an ECS Flavor" →
//     GetECSFlavorExtraSpecsValue), and of "X to|from Y" when Y is one
//     word ("Adding a NIC to an ECS" → AddECSNIC); not when X and Y share
//     a word ("Adding an ECS to an ECS Group" → AddECSToECSGroup) or Y has
//     a preposition or a gerund; a quantifier stays in front ("Querying
//     All Tags of an ECS" → ListAllECSTags);
//   - Specifications, Information and Configuration are Specs, Info and
//     Config;
//   - a query (Query, View, Get, List) is a List of several things (its
//     object's head noun is plural) and a Get of one: "Querying ECS
//     Groups" and "Listing ECS Groups" are both ListECSGroups, "Querying
//     Job Execution Status" is GetJobExecutionStatus. Obtain stays: a
//     token or a console address is obtained by a POST.
//
// A stem longer than [MaxStem] bytes then loses "to|from" phrases as
// above, then its last phrases ("Listing Flavor Details and Extended
// Information" → ListFlavorDetails), and last its last words
// ([FitWords]). A title that is no operation keeps its words, less its
// prepositions if it is too long.
//
// [Qualify] puts a parent's name before a nested type's, writing words
// they share once (QuerySecurityGroup + SecurityGroupRule →
// QuerySecurityGroupRule).
//
// # Unique names
//
// A [Namer] hands out the names of one scope: [Namer.Unique] returns a name
// the first time, then the name followed by 2, 3, ... (the first that is
// not used yet, since [Namer.Reserve] may have taken some); the result
// depends only on the order of the calls.
package naming
