from odoo import fields, models
from odoo.tools import SQL


class OfficeArchiveCounter(models.Model):
    """The last item number given in one filing unit (fonds, category, year,
    retention, unit code).

    Numbers are taken by a single ``INSERT … ON CONFLICT DO UPDATE …
    RETURNING`` statement: two transactions filing at once are serialized by
    the row lock (the later one is retried, as Odoo retries a request), so a
    number is never given twice and a rolled-back filing leaves no gap."""

    _name = "office.archive.counter"
    _description = "Archive Item Counter"
    _order = "year desc, id"

    fonds_id = fields.Many2one(
        "office.archive.fonds", required=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="fonds_id.company_id", store=True, index=True, precompute=True
    )
    category_id = fields.Many2one(
        "office.archive.category", required=True, ondelete="restrict"
    )
    year = fields.Integer(required=True)
    retention_id = fields.Many2one(
        "office.archive.retention", required=True, ondelete="restrict"
    )
    unit_id = fields.Many2one("office.archive.unit", required=True, ondelete="restrict")
    last_number = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "unit_uniq",
            "unique(fonds_id, category_id, year, retention_id, unit_id)",
            "One counter per filing unit.",
        ),
    ]

    def _next_numbers(self, fonds, category, year, retention, unit, count=1):
        """Reserve `count` consecutive numbers; return the first one."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO office_archive_counter
                    (fonds_id, category_id, year, retention_id, unit_id, last_number,
                     create_uid, create_date, write_uid, write_date)
                VALUES (%(fonds)s, %(category)s, %(year)s, %(retention)s, %(unit)s,
                        %(count)s, %(uid)s, now() at time zone 'UTC',
                        %(uid)s, now() at time zone 'UTC')
                ON CONFLICT (fonds_id, category_id, year, retention_id, unit_id)
                DO UPDATE
                   SET last_number = office_archive_counter.last_number + %(count)s,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                RETURNING last_number
                """,
                fonds=fonds.id,
                category=category.id,
                year=int(year),
                retention=retention.id,
                unit=unit.id,
                count=count,
                uid=self.env.uid,
            ),
            # a serialization failure here is expected under concurrency:
            # Odoo retries the request
            log_exceptions=False,
        )
        last = self.env.cr.fetchone()[0]
        self.invalidate_model()
        return last - count + 1
