package naming

import "testing"

func TestShortNameFromTitle(t *testing.T) {
	for _, tt := range []struct {
		in, want, qual string
	}{
		// Articles go, gerunds become verbs, as in TypeNameFromTitle.
		{"Creating ECSs", "CreateECSs", ""},
		{"Creating an ECS", "CreateECS", ""},
		{"Deleting an FPGA Image", "DeleteFPGAImage", ""},
		// A trailing parenthesis is the qualifier, spelled short.
		{"Querying Tags of an ECS (Discarded)", "ListECSTags", "Discarded"},
		{"Obtaining a VNC-based Remote Login Address (Microversion 2.6 or Later)", "ObtainVNCRemoteLoginAddress", "V26"},
		{"Querying Tasks (v1.1)", "ListTasks", "V11"},
		{"Responses (Batch Operation)", "Responses", "BatchOperation"},
		{"Querying ECSs (Native OpenStack API)", "ListECSs", "NativeOpenStackAPI"},
		{"(Discarded)", "Discarded", ""},
		// Details of one thing are the thing; of several, their Details.
		{"Querying Details About an ECS", "GetECS", ""},
		{"Querying Details About ECSs", "ListECSDetails", ""},
		{"Listing Details About ECSs", "ListECSDetails", ""},
		{"Listing ECS Details", "ListECSDetails", ""},
		{"Querying Details About a Floating IP Address (Discarded)", "GetFloatingIPAddress", "Discarded"},
		{"Listing Flavor Details About an ECS", "ListECSFlavorDetails", ""},
		{"Viewing Details of FPGA Images", "ListFPGAImageDetails", ""},
		{"Querying Information About a Disk (Discarded)", "GetDisk", "Discarded"},
		{"Querying Brief Information About Disks (Discarded)", "ListDisks", "Discarded"},
		{"Querying Detailed Information About Disks (Discarded)", "ListDiskDetails", "Discarded"},
		{"Querying Details About ECS Flavors", "ListECSFlavorDetails", ""},
		{"Listing Details About Disks Attached to an ECS", "ListECSDiskDetails", ""},
		// A query reads one thing (Get) or several (List).
		{"Querying ECS Groups", "ListECSGroups", ""},
		{"Listing ECS Groups", "ListECSGroups", ""},
		{"Querying ECSs by Tag", "ListECSsByTag", ""},
		{"Querying Job Execution Status", "GetJobExecutionStatus", ""},
		{"Querying ECS Metadata", "GetECSMetadata", ""},
		{"Getting a Tree", "GetTree", ""},
		{"Querying the Policy List", "GetPolicyList", ""},
		// Obtaining is not always a read (a POST obtains a token).
		{"Obtaining a Seed Token", "ObtainSeedToken", ""},
		{"Obtaining the Password of an ECS", "ObtainECSPassword", ""},
		// The owner goes first: "X of|on|for Y", "X attached to Y".
		{"Querying NICs of an ECS", "ListECSNICs", ""},
		{"Listing Actions on an ECS", "ListECSActions", ""},
		{"Querying Security Groups for a Specified ECS", "ListECSSecurityGroups", ""},
		{"Querying the extra_specs Value for an ECS Flavor", "GetECSFlavorExtraSpecsValue", ""},
		{"Querying Tags of a Vault Project", "ListVaultProjectTags", ""},
		{"Querying a Disk Attached to an ECS", "GetECSDisk", ""},
		{"Querying Disks Attached to an ECS", "ListECSDisks", ""},
		{"Querying the Networks of a Specified ECS", "ListECSNetworks", ""},
		{"Querying the Specified Network of an ECS", "GetECSNetwork", ""},
		// ... a quantifier stays in front of it.
		{"Querying All Tags of an ECS", "ListAllECSTags", ""},
		{"Deleting All Tags of an ECS", "DeleteAllECSTags", ""},
		{"Querying a Single Disk Attached to an ECS", "GetSingleECSDisk", ""},
		// ... and "to" or "from" one word.
		{"Adding a NIC to an ECS", "AddECSNIC", ""},
		{"Detaching an EVS Disk from an ECS", "DetachECSEVSDisk", ""},
		{"Deleting a Specified Tag from an ECS", "DeleteECSTag", ""},
		// Words that must stay where they are: an owner that shares a
		// word, or of two words after "to", or a gerund phrase.
		{"Adding an ECS to an ECS Group", "AddECSToECSGroup", ""},
		{"Removing an ECS from an ECS Group", "RemoveECSFromECSGroup", ""},
		{"Adding an ECS to the Monitoring List", "AddECSToMonitoringList", ""},
		{"Adding a Tag to an Associated Resource", "AddTagToAssociatedResource", ""},
		{"Associating an FPGA Image with an ECS Image", "AssociateFPGAImageWithECSImage", ""},
		{"Creating an Image Using an ECS", "CreateImageUsingECS", ""},
		{"Querying ECS Operations by Request ID", "ListECSOperationsByRequestID", ""},
		// ... unless the name is too long: then "to" and "from" move
		// too, and the last phrases go.
		{"Deleting a Tag from an Associated Resource", "DeleteAssociatedResourceTag", ""},
		{"Listing Flavor Details and Extended Information", "ListFlavorDetails", ""},
		{"Querying Associations Between an FPGA Image and an ECS Image", "ListAssociations", ""},
		{"Deleting the Password for Logging In to an ECS", "DeletePasswordForLoggingIn", ""},
		// "in a Batch" is a leading Batch.
		{"Starting ECSs in a Batch", "BatchStartECSs", ""},
		{"Batch Starting ECSs", "BatchStartECSs", ""},
		{"Adding NICs to an ECS in a Batch", "BatchAddECSNICs", ""},
		{"Adding Tags to an ECS in a Batch (Discarded)", "BatchAddECSTags", "Discarded"},
		{"Batch Adding or Deleting Tags of a Vault", "BatchAddOrDeleteVaultTags", ""},
		// A relative clause goes.
		{"Querying the Target Flavors to Which an ECS Flavor Can Be Changed", "ListTargetFlavors", ""},
		// A modifier before the gerund.
		{"Cold Migrating an ECS", "ColdMigrateECS", ""},
		// Long words SDKs shorten.
		{"Modifying the Specifications of an ECS", "ModifyECSSpecs", ""},
		{"Confirming the Specifications Modification of an ECS", "ConfirmECSSpecsModification", ""},
		{"Modifying ECS Information", "ModifyECSInfo", ""},
		// Words that must stay whole: ECS is not the plural of EC,
		// Status and Address are not plurals.
		{"Querying Details About an ECS Group", "GetECSGroup", ""},
		{"Querying Details About a Status", "GetStatus", ""},
		{"Querying Details About Addresses", "ListAddressDetails", ""},
		{"Querying Details About Policies", "ListPolicyDetails", ""},
		// Titles that are not operations keep their words.
		{"Returned Values", "ReturnedValues", ""},
		{"Returned Values for General Requests", "ReturnedValuesGeneralRequests", ""},
		{"Data Structure for Querying Details About ECSs", "DataStructureQueryingDetails", ""},
		{"ECS Status", "ECSStatus", ""},
		{"Monitoring", "Monitoring", ""},
		{"", "", ""},
	} {
		got, qual := ShortNameFromTitle(tt.in)
		if got != tt.want || qual != tt.qual {
			t.Errorf("ShortNameFromTitle(%q) = %q, %q, want %q, %q", tt.in, got, qual, tt.want, tt.qual)
		}
		if len(got) > MaxStem {
			t.Errorf("ShortNameFromTitle(%q) = %q, longer than %d", tt.in, got, MaxStem)
		}
	}
}

func TestQualify(t *testing.T) {
	for _, tt := range []struct {
		q, name, want string
	}{
		{"Server", "Flavor", "ServerFlavor"},
		{"Server", "ServerGroup", "ServerGroup"},
		{"Server", "Server", "Server"},
		{"QuerySecurityGroup", "SecurityGroupRule", "QuerySecurityGroupRule"},
		{"SecurityGroup", "SecurityGroupRule", "SecurityGroupRule"},
		{"SecurityGroupRule", "Group", "SecurityGroupRuleGroup"},
		// name keeps a word of its own.
		{"CreateServer", "Server", "CreateServerServer"},
		{"IPv6", "IPv6Bandwidth", "IPv6Bandwidth"},
		{"ListECSs", "ECSsByTag", "ListECSsByTag"},
		{"Response", "Server", "ResponseServer"},
		{"", "Server", "Server"},
	} {
		if got := Qualify(tt.q, tt.name); got != tt.want {
			t.Errorf("Qualify(%q, %q) = %q, want %q", tt.q, tt.name, got, tt.want)
		}
	}
}

func TestFitWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		max  int
		want string
	}{
		{"ConfirmECSSpecsModification", 20, "ConfirmECSSpecs"},
		{"ConfirmECSSpecsModification", 27, "ConfirmECSSpecsModification"},
		{"ListECSDetails", 13, "ListECS"},
		{"Supercalifragilistic", 5, "Super"},
		{"Größenänderung", 3, "Gr"},
		{"", 3, ""},
	} {
		if got := FitWords(tt.in, tt.max); got != tt.want {
			t.Errorf("FitWords(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestObjectName(t *testing.T) {
	for _, tt := range []struct {
		stem, name, want string
		ok               bool
	}{
		{"ListTargetFlavors", "Flavor", "TargetFlavor", true},
		{"ListECSTags", "Tag", "ECSTag", true},
		{"ListSSHKeyPairs", "Keypair", "SSHKeyPair", true},
		{"GetSSHKeyPair", "Keypair", "SSHKeyPair", true},
		{"BatchAddECSTags", "Tag", "ECSTag", true},
		{"ListPolicies", "Policy", "", false}, // the name itself
		{"ListECSs", "Server", "", false},
		{"ListECSsByTag", "Tag", "", false},
		{"ListECSDetails", "Flavor", "", false},
		{"List", "Flavor", "", false},
	} {
		got, ok := ObjectName(tt.stem, tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ObjectName(%q, %q) = %q, %v, want %q, %v", tt.stem, tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
