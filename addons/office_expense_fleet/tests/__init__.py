from . import test_travel_fleet
