package resolvers

import (
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/graph/model"
)

// donationFields decodes a donation input's global IDs into the store's fields.
func donationFields(in model.DonationInput) (db.DonationFields, error) {
	f := db.DonationFields{Kind: in.Kind, Amount: in.Amount, Boxes: deref(in.Boxes), Batch: in.Batch, Date: in.Date,
		Description: deref(in.Description)}
	var err error
	if f.CampaignID, err = db.ParseTypedID("campaignId", db.NodeCampaign, in.CampaignID); err != nil {
		return f, err
	}
	f.UnitID, err = optionalID("unitId", db.NodeUnit, in.UnitID)
	return f, err
}

// pairingFields decodes a pairing input. contents is omittable: omitted keeps the stored contents on an update (and
// gives none on a create), while an explicit null or list replaces them.
func pairingFields(in model.PairingInput) (db.PairingFields, error) {
	contents, set := in.Contents.ValueOK()
	f := db.PairingFields{Township: in.Township, SinceYear: in.SinceYear, Contents: contents, KeepContents: !set}
	var err error
	if f.UnitID, err = db.ParseTypedID("unitId", db.NodeUnit, in.UnitID); err != nil {
		return f, err
	}
	f.CenterID, err = optionalID("centerId", db.NodePracticeCenter, in.CenterID)
	return f, err
}
