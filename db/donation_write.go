package db

// Writes of donations (捐赠) and 结对帮创 pairings: what an editor sets on them, and the rules both backends apply
// before any SQL. They follow WriteStore's rules: one transaction, an audit entry, the data version, expectedVersion,
// and the recycle bin through DeleteRecord and RestoreRecord.

import (
	"context"
	"slices"
)

// DonationStore creates and updates donations and pairings; deletes and restores go through WriteStore.
type DonationStore interface {
	CreateDonation(ctx context.Context, in DonationFields) (*Donation, error)
	UpdateDonation(ctx context.Context, id int64, expectedVersion int, in DonationFields) (*Donation, error)
	CreatePairing(ctx context.Context, in PairingFields) (*Pairing, error)
	UpdatePairing(ctx context.Context, id int64, expectedVersion int, in PairingFields) (*Pairing, error)
}

// Entities of this file, for writes, the recycle bin and the audit log.
const (
	EntityDonation Entity = "DONATION"
	EntityPairing  Entity = "PAIRING"
)

func init() {
	AllEntities = append(AllEntities, EntityDonation, EntityPairing)
	entityZh[EntityDonation] = "捐赠"
	entityZh[EntityPairing] = "结对帮创"
	entityNodes[EntityDonation] = NodeDonation
	entityNodes[EntityPairing] = NodePairing
}

// MaxDonationAmount bounds one donation, in yuan: 100亿元, over five times the 18.45亿元 that the whole of society
// gave after 7·20, so that a slip of the keyboard cannot swamp a campaign's sum while every real gift fits.
const MaxDonationAmount Yuan = 10_000_000_000

// MaxDonationBoxes bounds the boxes of one material donation; the article's largest shipment is 7600余箱 in 3 batches.
const MaxDonationBoxes = 1_000_000

// MaxDonationBatch bounds a shipment number (批次).
const MaxDonationBatch = 1000

// DonationFields is what an editor sets on a donation. Amount is whole yuan, exactly (the Yuan scalar).
type DonationFields struct {
	CampaignID  int64
	UnitID      *int64
	Kind        DonationKind
	Amount      Yuan
	Boxes       int
	Batch       *int
	Date        Date
	Description string
}

// Validate checks what a donation's fields say on their own; the store checks the campaign, its dates and the unit.
// Boxes and batches describe shipments of materials (「筹措3批次、7600余箱、价值104万余元的防疫和生活物资」), so a
// cash gift carries neither; a cash gift of 0 yuan would count a donor without money, so cash is at least 1 yuan,
// and a material gift needs a value or at least one box.
func (f *DonationFields) Validate() error {
	if err := checkID("campaignId", f.CampaignID); err != nil {
		return err
	}
	if f.UnitID != nil && *f.UnitID <= 0 {
		return FieldErrorf("unitId", "unitId 无效")
	}
	if !f.Kind.Valid() {
		return FieldErrorf("kind", "捐赠类型无效：%q（可选：CASH 现金、MATERIAL 物资）", f.Kind)
	}
	if f.Amount < 0 {
		return FieldErrorf("amount", "金额不能为负数：%d 元", f.Amount)
	}
	if f.Amount > MaxDonationAmount {
		return FieldErrorf("amount", "单笔捐赠金额不能超过 %d 元（100亿元），收到 %d 元", MaxDonationAmount, f.Amount)
	}
	if f.Boxes < 0 || f.Boxes > MaxDonationBoxes {
		return FieldErrorf("boxes", "箱数须在 0 到 %d 之间，收到 %d", MaxDonationBoxes, f.Boxes)
	}
	if f.Batch != nil && (*f.Batch < 1 || *f.Batch > MaxDonationBatch) {
		return FieldErrorf("batch", "批次须在 1 到 %d 之间，收到 %d", MaxDonationBatch, *f.Batch)
	}
	switch f.Kind {
	case DonationCash:
		if f.Amount == 0 {
			return FieldErrorf("amount", "现金捐赠的金额须大于 0 元")
		}
		if f.Boxes != 0 {
			return FieldErrorf("boxes", "现金捐赠没有箱数，箱数只用于物资")
		}
		if f.Batch != nil {
			return FieldErrorf("batch", "现金捐赠没有批次，批次只用于物资")
		}
	case DonationMaterial:
		if f.Amount == 0 && f.Boxes == 0 {
			return FieldErrorf("amount", "物资捐赠须填写价值（元）或箱数")
		}
	}
	if err := checkDate("date", f.Date); err != nil {
		return err
	}
	return cleanText("description", "说明", &f.Description)
}

// CheckCampaignDate checks that a date falls within a campaign's start and end (an open end runs to today), as
// volunteer records do, so that a campaign's sums hold only what happened during it. The error is on field.
func CheckCampaignDate(field, what string, d Date, name string, start Date, end *Date) error {
	if d < start || end != nil && d > *end {
		until := "至今"
		if end != nil {
			until = string(*end)
		}
		return FieldErrorf(field, "%s %s 不在专项行动“%s”的起止日期（%s 至 %s）内", what, d, name, start, until)
	}
	return nil
}

// PairingFields is what an editor sets on a 结对帮创 pairing, with its 「四送一助力」 contents.
type PairingFields struct {
	UnitID    int64
	Township  string
	CenterID  *int64
	SinceYear int
	// Contents replace the stored ones as a whole, in one transaction with the pairing.
	Contents []PairingContent
	// KeepContents makes an update leave the stored contents as they are, because the client sent none; an update
	// from a client that does not know the contents must not silently clear them. A create ignores it.
	KeepContents bool
}

// Validate trims and checks a pairing's fields, and puts its contents in the article's order.
func (f *PairingFields) Validate() error {
	if err := checkID("unitId", f.UnitID); err != nil {
		return err
	}
	if err := cleanName("township", "乡镇名称", &f.Township); err != nil {
		return err
	}
	if f.CenterID != nil && *f.CenterID <= 0 {
		return FieldErrorf("centerId", "centerId 无效")
	}
	if err := CheckYear("sinceYear", f.SinceYear); err != nil {
		return err
	}
	seen := map[PairingContent]bool{}
	for _, c := range f.Contents {
		if !slices.Contains(AllPairingContents, c) {
			return FieldErrorf("contents", "“四送一助力”内容项无效：%q", c)
		}
		if seen[c] {
			return FieldErrorf("contents", "内容项“%s”重复", c.NameZh())
		}
		seen[c] = true
	}
	slices.SortFunc(f.Contents, func(a, b PairingContent) int {
		return slices.Index(AllPairingContents, a) - slices.Index(AllPairingContents, b)
	})
	return nil
}

// CheckDemoPairingCenter keeps a demo pairing off real places: its township is invented, so it may not be filed
// under a real county centre (demo pairings name no real centre, as the demo generator makes them).
func CheckDemoPairingCenter(demo bool, centerID *int64) error {
	if demo && centerID != nil {
		return FieldErrorf("centerId", "演示结对记录的乡镇为虚构，不能归入真实的县级实践中心")
	}
	return nil
}
