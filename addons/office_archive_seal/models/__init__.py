from . import office_archive_item
from . import office_seal
from . import office_seal_deactivation
