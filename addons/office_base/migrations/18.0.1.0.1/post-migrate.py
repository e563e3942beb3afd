"""The access log of classified records gained a company (issue 25): the
new column was filled with the main company; an entry takes the agency of
the record it logs when that record's table has a company."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute("SELECT DISTINCT model FROM office_secret_access_log")
    for (model,) in cr.fetchall():
        table = model.replace(".", "_")
        cr.execute(
            """
            SELECT 1 FROM information_schema.columns
             WHERE table_name = %s AND column_name = 'company_id'
            """,
            [table],
        )
        if not cr.fetchone():
            continue
        cr.execute(
            SQL(
                """
                UPDATE office_secret_access_log log
                   SET company_id = rec.company_id
                  FROM %s rec
                 WHERE log.model = %s
                   AND rec.id = log.res_id
                   AND rec.company_id IS NOT NULL
                   AND log.company_id IS DISTINCT FROM rec.company_id
                """,
                SQL.identifier(table),
                model,
            )
        )
