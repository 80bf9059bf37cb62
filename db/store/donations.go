package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/wenming/wenming/db"
)

// Writes of donations and 结对帮创 pairings (db/donation_write.go), shaped like write_records.go: validate, then one
// transaction with the version check, the audit entry and the data version. A pairing's 「四送一助力」 contents are
// part of its snapshot, so that the recycle bin gives them back with it.

// checkDonationRefs checks the campaign, that the date falls within its dates, and the unit.
func checkDonationRefs(ctx context.Context, tx *Tx, in db.DonationFields) error {
	var name string
	var start db.Date
	var end *db.Date
	err := tx.QueryRow(ctx, `SELECT name_zh, CAST(start_date AS TEXT), CAST(end_date AS TEXT) FROM campaigns WHERE id = ?`, in.CampaignID).Scan(&name, &start, &end)
	if errors.Is(err, sql.ErrNoRows) {
		return db.FieldErrorf("campaignId", "专项行动不存在：%d", in.CampaignID)
	} else if err != nil {
		return err
	}
	if err := db.CheckCampaignDate("date", "捐赠日期", in.Date, name, start, end); err != nil {
		return err
	}
	return existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID)
}

// CreateDonation adds a donation; it is a real record, not a demo one.
func (s *Store) CreateDonation(ctx context.Context, in db.DonationFields) (*db.Donation, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityDonation, func(tx *Tx, id int64) error {
		if err := checkDonationRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO donations (id, campaign_id, unit_id, kind, amount, boxes, batch, donation_date, description)
			VALUES (?,?,?,?,?,?,?,?,?)`, id, in.CampaignID, in.UnitID, in.Kind, int64(in.Amount), in.Boxes, in.Batch, in.Date, in.Description)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.DonationsByIDs)
}

// UpdateDonation changes a donation; its demo flag stays as it is.
func (s *Store) UpdateDonation(ctx context.Context, id int64, expected int, in db.DonationFields) (*db.Donation, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityDonation, id, expected, func(tx *Tx) error {
		if err := checkDonationRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE donations SET campaign_id = ?, unit_id = ?, kind = ?, amount = ?, boxes = ?, batch = ?,
			donation_date = ?, description = ?, version = version + 1 WHERE id = ?`,
			in.CampaignID, in.UnitID, in.Kind, int64(in.Amount), in.Boxes, in.Batch, in.Date, in.Description, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.DonationsByIDs)
}

func checkPairingRefs(ctx context.Context, tx *Tx, in db.PairingFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	return existsOpt(ctx, tx, "practice_centers", "centerId", "实践中心", in.CenterID)
}

// writeContents replaces a pairing's 「四送一助力」 contents in the write's transaction.
func writeContents(ctx context.Context, tx *Tx, id int64, items []db.PairingContent) error {
	if _, err := tx.Exec(ctx, `DELETE FROM pairing_contents WHERE pairing_id = ?`, id); err != nil {
		return err
	}
	for _, it := range items {
		if _, err := tx.Exec(ctx, `INSERT INTO pairing_contents (pairing_id, item) VALUES (?,?)`, id, it); err != nil {
			return err
		}
	}
	return nil
}

// CreatePairing adds a pairing with its contents, in one transaction; it is a real record, not a demo one.
func (s *Store) CreatePairing(ctx context.Context, in db.PairingFields) (*db.Pairing, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityPairing, func(tx *Tx, id int64) error {
		if err := checkPairingRefs(ctx, tx, in); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO pairings (id, unit_id, township, center_id, since_year) VALUES (?,?,?,?,?)`,
			id, in.UnitID, in.Township, in.CenterID, in.SinceYear); err != nil {
			return err
		}
		return writeContents(ctx, tx, id, in.Contents)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PairingsByIDs)
}

// UpdatePairing changes a pairing and, unless in.KeepContents, replaces its contents; its demo flag stays as it is,
// and a demo pairing may not be filed under a real centre.
func (s *Store) UpdatePairing(ctx context.Context, id int64, expected int, in db.PairingFields) (*db.Pairing, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityPairing, id, expected, func(tx *Tx) error {
		if err := checkPairingRefs(ctx, tx, in); err != nil {
			return err
		}
		var demo bool
		if err := tx.QueryRow(ctx, `SELECT demo FROM pairings WHERE id = ?`, id).Scan(&demo); err != nil {
			return err
		}
		if err := db.CheckDemoPairingCenter(demo, in.CenterID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE pairings SET unit_id = ?, township = ?, center_id = ?, since_year = ?, version = version + 1 WHERE id = ?`,
			in.UnitID, in.Township, in.CenterID, in.SinceYear, id); err != nil {
			return err
		}
		if in.KeepContents {
			return nil
		}
		return writeContents(ctx, tx, id, in.Contents)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.PairingsByIDs)
}
