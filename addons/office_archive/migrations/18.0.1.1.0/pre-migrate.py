"""One transfer list per department, year, fonds and category became one
*open* list: an accepted list can be followed by a supplementary one. The
old unique constraint goes; the model's init creates the partial index."""


def migrate(cr, version):
    cr.execute(
        "ALTER TABLE office_archive_transfer_list "
        "DROP CONSTRAINT IF EXISTS office_archive_transfer_list_department_year_uniq"
    )
    cr.execute(
        "DELETE FROM ir_model_constraint "
        "WHERE name = 'office_archive_transfer_list_department_year_uniq'"
    )
