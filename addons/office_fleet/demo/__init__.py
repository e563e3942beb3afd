from . import office_fleet_demo
