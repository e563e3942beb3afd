from . import office_archive_statistics_xlsx
