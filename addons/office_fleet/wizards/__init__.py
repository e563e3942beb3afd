from . import office_fleet_dispatch_wizard
from . import office_fleet_publication_wizard
from . import office_fleet_trip_return_wizard
