from . import office_archive_item
from . import office_archive_transfer_list
