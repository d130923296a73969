package naming_test

import (
	"fmt"

	"github.com/rst2go/rst2go/gen/naming"
)

func ExampleExported() {
	for _, name := range []string{
		"server_group",
		"OS-EXT-STS:vm_state",
		"X-Auth-Token",
		"availabilityZone",
		"ids",
		"{User defined key}",
		"kubernetes.io/cpuManagerPolicy",
		"2fa",
	} {
		fmt.Println(naming.Exported(name))
	}
	// Output:
	// ServerGroup
	// OSEXTSTSVMState
	// XAuthToken
	// AvailabilityZone
	// IDs
	// UserDefinedKey
	// KubernetesIOCPUManagerPolicy
	// X2fa
}

func ExampleTypeNameFromTitle() {
	fmt.Println(naming.TypeNameFromTitle("Creating ECSs"))
	fmt.Println(naming.TypeNameFromTitle("Querying Details About an ECS"))
	fmt.Println(naming.TypeNameFromTitle("Modifying the Specifications of an ECS"))
	fmt.Println(naming.TypeNameFromTitle("Responses (Batch Operation)"))
	// Output:
	// CreateECSs
	// QueryDetailsAboutECS
	// ModifySpecificationsOfECS
	// ResponsesBatchOperation
}

func ExampleNewRules() {
	r := naming.NewRules("ROMA", "OAuth")
	fmt.Println(r.Exported("roma_oauth_token"))
	fmt.Println(naming.Exported("roma_oauth_token"))
	// Output:
	// ROMAOAuthToken
	// RomaOauthToken
}

func ExampleNamer() {
	var n naming.Namer
	n.Reserve("String") // a method of the type
	fmt.Println(n.Unique("ID"), n.Unique("ID"), n.Unique("String"))
	// Output: ID ID2 String2
}
