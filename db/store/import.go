package store

import (
	"context"
	"fmt"

	"github.com/wenming/wenming/db"
)

// ImportCatalog returns the reference data imports resolve names against, from the read pool.
func (s *Store) ImportCatalog(ctx context.Context) (*db.Catalog, error) {
	return Catalog(ctx, s.eng.Read())
}

// Catalog reads the reference data an import resolves names against, over q: the read pool, or the import's own
// transaction, so that the names it resolves are the ones it writes beside.
func Catalog(ctx context.Context, q Querier) (*db.Catalog, error) {
	c := &db.Catalog{}
	var err error
	load := func(query string, scan func(Rows) error) {
		if err != nil {
			return
		}
		var rows Rows
		if rows, err = q.Query(ctx, query); err != nil {
			return
		}
		defer rows.Close()
		for rows.Next() {
			if err = scan(rows); err != nil {
				return
			}
		}
		err = rows.Err()
	}
	load(`SELECT id, name, kind, sector, service_window, campus, demo FROM units ORDER BY id`, func(r Rows) error {
		u := &db.Unit{}
		c.Units = append(c.Units, u)
		return r.Scan(&u.ID, &u.Name, &u.Kind, &u.Sector, &u.ServiceWindow, &u.Campus, &u.Demo)
	})
	load(`SELECT id, code, name_zh, name_en, level, recipient_kind, weight, default_status, recipient_kinds, weight_basis, note_zh
		FROM honor_categories ORDER BY position`, func(r Rows) error {
		k, err := scanCategory(r)
		c.Categories = append(c.Categories, k)
		return err
	})
	load(`SELECT id, code, name_zh, name_en, kind, CAST(start_date AS TEXT), CAST(end_date AS TEXT) FROM campaigns ORDER BY start_date, id`, func(r Rows) error {
		k := &db.Campaign{}
		c.Campaigns = append(c.Campaigns, k)
		return r.Scan(&k.ID, &k.Code, &k.NameZh, &k.NameEn, &k.Kind, &k.StartDate, &k.EndDate)
	})
	load(`SELECT id, name, unit_id FROM people ORDER BY id`, func(r Rows) error {
		p := &db.Person{}
		c.People = append(c.People, p)
		return r.Scan(&p.ID, &p.Name, &p.UnitID)
	})
	load(`SELECT id, name, unit_id FROM volunteer_projects ORDER BY id`, func(r Rows) error {
		p := &db.VolunteerProject{}
		c.Projects = append(c.Projects, p)
		return r.Scan(&p.ID, &p.Name, &p.UnitID)
	})
	load(`SELECT id, title, unit_id FROM works ORDER BY id`, func(r Rows) error {
		w := &db.Work{}
		c.Works = append(c.Works, w)
		return r.Scan(&w.ID, &w.Title, &w.UnitID)
	})
	load(`SELECT id, code, name, prefecture FROM practice_centers ORDER BY prefecture_code, code`, func(r Rows) error {
		k := &db.PracticeCenter{}
		c.Centers = append(c.Centers, k)
		return r.Scan(&k.ID, &k.Code, &k.Name, &k.Prefecture)
	})
	if err != nil {
		return nil, fmt.Errorf("load import catalog: %w", err)
	}
	return c, nil
}

// AuditImport appends one IMPORT entry, with the import's summary, to the audit log inside the import's transaction,
// and records the success of the import's job there too; the engines stage and apply an import's rows themselves.
func (s *Store) AuditImport(ctx context.Context, tx *Tx, kind db.ImportKind, summary *string) error {
	if j := db.ImportJobFrom(ctx); j != nil {
		if err := s.finishImportJob(ctx, tx, j); err != nil {
			return err
		}
	}
	switch kind {
	case db.ImportUnits:
		return s.writeAudit(ctx, tx, db.ActionImport, db.EntityUnit, nil, nil, summary)
	case db.ImportPeople:
		return s.writeAudit(ctx, tx, db.ActionImport, db.EntityPerson, nil, nil, summary)
	case db.ImportHonors:
		return s.writeAudit(ctx, tx, db.ActionImport, db.EntityHonor, nil, nil, summary)
	case db.ImportVolunteerRecords:
		return s.writeAudit(ctx, tx, db.ActionImport, db.EntityVolunteerRecord, nil, nil, summary)
	case db.ImportAssessments:
		return s.writeAudit(ctx, tx, db.ActionImport, db.EntityAssessment, nil, nil, summary)
	case db.ImportActivities:
		return s.writeAudit(ctx, tx, db.ActionImport, db.EntityPracticeActivity, nil, nil, summary)
	}
	return fmt.Errorf("no audit entity for import kind %s", kind)
}
