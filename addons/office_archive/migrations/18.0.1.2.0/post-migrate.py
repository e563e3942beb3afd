def migrate(cr, version):
    """Loans renewed before the renewal limit became a company setting: one
    renewal was asked for each loan whose renewal left “none”."""
    if not version:
        return
    cr.execute(
        """
        UPDATE office_archive_loan
           SET renewal_count = 1
         WHERE renewal_state != 'none'
           AND COALESCE(renewal_count, 0) = 0
        """
    )
