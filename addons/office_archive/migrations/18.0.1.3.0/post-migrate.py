def migrate(cr, version):
    """Room access entries logged before entries were confirmed: those with
    a time of leaving have left, the others are in the room."""
    if not version:
        return
    cr.execute(
        """
        UPDATE office_archive_room_access
           SET state = CASE WHEN left_at IS NULL THEN 'in' ELSE 'out' END
         WHERE state = 'draft'
        """
    )
