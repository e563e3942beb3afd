from . import office_archive_demo
