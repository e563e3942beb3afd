"""The key register gained a company (issue 25): the new column was filled
with the main company; an entry of a sealing plan takes the plan's agency,
any other the car's when the car has one."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE office_fleet_key_log log
           SET company_id = plan.company_id
          FROM office_fleet_sealing_line line
          JOIN office_fleet_sealing_plan plan ON plan.id = line.plan_id
         WHERE log.sealing_line_id = line.id
           AND log.company_id IS DISTINCT FROM plan.company_id
        """
    )
    cr.execute(
        """
        UPDATE office_fleet_key_log log
           SET company_id = car.company_id
          FROM fleet_vehicle car
         WHERE log.vehicle_id = car.id
           AND log.sealing_line_id IS NULL
           AND car.company_id IS NOT NULL
           AND log.company_id IS DISTINCT FROM car.company_id
        """
    )
