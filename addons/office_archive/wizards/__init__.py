from . import office_archive_reason_wizard
