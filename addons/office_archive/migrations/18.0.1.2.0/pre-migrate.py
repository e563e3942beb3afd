def migrate(cr, version):
    """Returning a transfer list now asks its reason with office_base's
    reason wizard: the archive wizard's pending rows for it go."""
    if not version:
        return
    cr.execute(
        "DELETE FROM office_archive_reason_wizard WHERE action = 'transfer_return'"
    )
