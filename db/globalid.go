package db

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// NodeType names a kind of object in a global ID ("Unit" in base64url("Unit:12")); the API, exports and imports
// share these names, so that an ID copied from one is understood by the others.
type NodeType string

// The node types that global IDs carry; each is a GraphQL type of the same name.
const (
	NodeUnit              NodeType = "Unit"
	NodePerson            NodeType = "Person"
	NodeHonor             NodeType = "Honor"
	NodeHonorCategory     NodeType = "HonorCategory"
	NodeSourceDocument    NodeType = "SourceDocument"
	NodePublishedFigure   NodeType = "PublishedFigure"
	NodeCampaign          NodeType = "Campaign"
	NodeDonation          NodeType = "Donation"
	NodeVolunteerRecord   NodeType = "VolunteerRecord"
	NodeVolunteerProject  NodeType = "VolunteerProject"
	NodePracticeCenter    NodeType = "PracticeCenter"
	NodePracticeLink      NodeType = "PracticeLink"
	NodePracticeActivity  NodeType = "PracticeActivity"
	NodePairing           NodeType = "Pairing"
	NodeAssessment        NodeType = "Assessment"
	NodeMilestone         NodeType = "Milestone"
	NodeTarget            NodeType = "Target"
	NodeUser              NodeType = "User"
	NodeAPIToken          NodeType = "ApiToken"
	NodeAuditEntry        NodeType = "AuditEntry"
	NodeDeletedRecord     NodeType = "DeletedRecord"
	NodeWish              NodeType = "Wish"
	NodeCaseCompilation   NodeType = "CaseCompilation"
	NodeExcellentCase     NodeType = "ExcellentCase"
	NodeTalentMember      NodeType = "TalentMember"
	NodeCivilisationEvent NodeType = "CivilisationEvent"
	NodeWork              NodeType = "Work"
	NodeImportJob         NodeType = "ImportJob"
	NodeReportTask        NodeType = "ReportTask"
	NodeReportAttachment  NodeType = "ReportAttachment"
)

// GlobalID encodes a node type and row ID into the opaque ID clients see, e.g. "Unit:12" in base64url.
func GlobalID(t NodeType, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(string(t) + ":" + strconv.FormatInt(id, 10)))
}

// ParseGlobalID decodes an opaque ID into its node type and row ID, or fails with EINVALID on the field. Only the
// ID that GlobalID gives a node is accepted: "Unit:+12", "Unit:012" or base64 with stray trailing bits would name
// the same node by other IDs, which clients could not compare and caches would keep twice.
func ParseGlobalID(field, gid string) (NodeType, int64, error) {
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err == nil {
		typ, num, ok := strings.Cut(string(raw), ":")
		if id, perr := strconv.ParseInt(num, 10, 64); ok && perr == nil && id > 0 && typ != "" && GlobalID(NodeType(typ), id) == gid {
			return NodeType(typ), id, nil
		}
	}
	return "", 0, FieldErrorf(field, "ID 无效：%q", gid)
}

// ParseTypedID decodes an opaque ID that must be of the given node type.
func ParseTypedID(field string, t NodeType, gid string) (int64, error) {
	got, id, err := ParseGlobalID(field, gid)
	if err != nil {
		return 0, err
	}
	if got != t {
		return 0, FieldErrorf(field, "ID 类型应为 %s，实际为 %s", t, got)
	}
	return id, nil
}

// entityNodes names the node type of each entity's records; ranking weights and the demo dataset have none.
var entityNodes = map[Entity]NodeType{
	EntityUnit: NodeUnit, EntityPerson: NodePerson, EntityHonor: NodeHonor, EntityVolunteerRecord: NodeVolunteerRecord,
	EntityCampaign: NodeCampaign, EntityPracticeLink: NodePracticeLink, EntityPracticeActivity: NodePracticeActivity,
	EntityAssessment: NodeAssessment, EntityTarget: NodeTarget, EntityWish: NodeWish, EntityExcellentCase: NodeExcellentCase,
	EntityTalentMember: NodeTalentMember, EntityCivilisationEvent: NodeCivilisationEvent, EntityHonorCategory: NodeHonorCategory,
	EntityUser: NodeUser, EntityAPIToken: NodeAPIToken,
}

// NodeType is the node type of the entity's records, for their global IDs; ok is false when they have none.
func (e Entity) NodeType() (t NodeType, ok bool) {
	t, ok = entityNodes[e]
	return t, ok
}
