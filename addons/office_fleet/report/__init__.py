from . import office_fleet_publication_xlsx
