package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/wenming/wenming/db"
)

// Writes of donations and 结对帮创 pairings (db/donation_write.go), shaped like write_records.go: validate, then one
// transaction with the version check, the audit entry and the data version. A pairing's 「四送一助力」 contents are
// part of its snapshot, so that the recycle bin gives them back with it.

func init() {
	entityTables[db.EntityDonation] = entityTable{table: "donations", cols: []string{"id", "campaign_id", "unit_id", "kind", "amount", "boxes",
		"batch", "donation_date", "description", "demo", "version"}}
	entityTables[db.EntityPairing] = entityTable{table: "pairings", cols: []string{"id", "unit_id", "township", "center_id", "since_year",
		"demo", "version"},
		extra: `'contents', json((SELECT json_group_array(item) FROM (SELECT c.item FROM pairing_contents c WHERE c.pairing_id = pairings.id
			ORDER BY ` + contentOrder("c.item") + `)))`}
}

// contentOrder is SQL that sorts 「四送一助力」 items in the article's order.
func contentOrder(col string) string {
	return `CASE ` + col + ` WHEN 'POLICY' THEN 1 WHEN 'CULTURE' THEN 2 WHEN 'HEALTH' THEN 3 WHEN 'WARMTH' THEN 4 ELSE 5 END`
}

// checkDonationRefs checks the campaign, that the date falls within its dates, and the unit.
func checkDonationRefs(ctx context.Context, tx *sql.Tx, in db.DonationFields) error {
	var name string
	var start db.Date
	var end *db.Date
	err := tx.QueryRowContext(ctx, `SELECT name_zh, start_date, end_date FROM campaigns WHERE id = ?`, in.CampaignID).Scan(&name, &start, &end)
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

// CreateDonation adds a donation; it is a real record (demo = 0).
func (d *DB) CreateDonation(ctx context.Context, in db.DonationFields) (*db.Donation, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityDonation, func(tx *sql.Tx, id int64) error {
		if err := checkDonationRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO donations (id, campaign_id, unit_id, kind, amount, boxes, batch, donation_date, description)
			VALUES (?,?,?,?,?,?,?,?,?)`, id, in.CampaignID, in.UnitID, in.Kind, in.Amount, in.Boxes, in.Batch, in.Date, in.Description)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.DonationsByIDs)
}

// UpdateDonation changes a donation; its demo flag stays as it is.
func (d *DB) UpdateDonation(ctx context.Context, id int64, expected int, in db.DonationFields) (*db.Donation, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityDonation, id, expected, func(tx *sql.Tx) error {
		if err := checkDonationRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE donations SET campaign_id = ?, unit_id = ?, kind = ?, amount = ?, boxes = ?, batch = ?,
			donation_date = ?, description = ?, version = version + 1 WHERE id = ?`,
			in.CampaignID, in.UnitID, in.Kind, in.Amount, in.Boxes, in.Batch, in.Date, in.Description, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.DonationsByIDs)
}

func checkPairingRefs(ctx context.Context, tx *sql.Tx, in db.PairingFields) error {
	if err := exists(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
		return err
	}
	return existsOpt(ctx, tx, "practice_centers", "centerId", "实践中心", in.CenterID)
}

// writeContents replaces a pairing's 「四送一助力」 contents in the write's transaction.
func writeContents(ctx context.Context, tx *sql.Tx, id int64, items []db.PairingContent) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM pairing_contents WHERE pairing_id = ?`, id); err != nil {
		return err
	}
	for _, it := range items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO pairing_contents (pairing_id, item) VALUES (?,?)`, id, it); err != nil {
			return err
		}
	}
	return nil
}

// CreatePairing adds a pairing with its contents, in one transaction; it is a real record (demo = 0).
func (d *DB) CreatePairing(ctx context.Context, in db.PairingFields) (*db.Pairing, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := d.create(ctx, db.EntityPairing, func(tx *sql.Tx, id int64) error {
		if err := checkPairingRefs(ctx, tx, in); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pairings (id, unit_id, township, center_id, since_year) VALUES (?,?,?,?,?)`,
			id, in.UnitID, in.Township, in.CenterID, in.SinceYear); err != nil {
			return err
		}
		return writeContents(ctx, tx, id, in.Contents)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, d.PairingsByIDs)
}

// UpdatePairing changes a pairing and, unless in.KeepContents, replaces its contents; its demo flag stays as it is,
// and a demo pairing may not be filed under a real centre.
func (d *DB) UpdatePairing(ctx context.Context, id int64, expected int, in db.PairingFields) (*db.Pairing, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := d.update(ctx, db.EntityPairing, id, expected, func(tx *sql.Tx) error {
		if err := checkPairingRefs(ctx, tx, in); err != nil {
			return err
		}
		var demo bool
		if err := tx.QueryRowContext(ctx, `SELECT demo FROM pairings WHERE id = ?`, id).Scan(&demo); err != nil {
			return err
		}
		if err := db.CheckDemoPairingCenter(demo, in.CenterID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE pairings SET unit_id = ?, township = ?, center_id = ?, since_year = ?, version = version + 1 WHERE id = ?`,
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
	return one(ctx, id, d.PairingsByIDs)
}
