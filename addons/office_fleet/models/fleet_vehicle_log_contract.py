import datetime

from odoo import api, fields, models

REMINDER_DAYS = (30, 7)


class FleetVehicleLogContract(models.Model):
    """Insurance and annual inspection are fleet contracts; the dispatchers
    are reminded 30 and 7 days before they expire."""

    _inherit = "fleet.vehicle.log.contract"

    office_reminded_days = fields.Integer(
        string="Reminded (days ahead)",
        copy=False,
        readonly=True,
        help="The last reminder sent: 30 or 7 days before expiry.",
    )

    @api.model
    def _cron_office_expiry_reminders(self, limit=500):
        """Schedule one activity per contract and reminder step; idempotent."""
        today = fields.Date.context_today(self)
        dispatchers = self.env.ref("office_fleet.group_fleet_dispatcher").users
        done = 0
        for days in REMINDER_DAYS:
            contracts = self.search(
                [
                    ("state", "in", ("futur", "open")),
                    ("expiration_date", "!=", False),
                    ("expiration_date", "<=", today + datetime.timedelta(days=days)),
                    ("expiration_date", ">=", today),
                    "|",
                    ("office_reminded_days", "=", 0),
                    ("office_reminded_days", ">", days),
                ],
                limit=limit,
            )
            for contract in contracts:
                user = contract.vehicle_id.manager_id or dispatchers[:1]
                if user:
                    contract.activity_schedule(
                        "office_fleet.mail_act_office_fleet_contract",
                        date_deadline=contract.expiration_date,
                        user_id=user.id,
                        summary=self.env._(
                            "%(contract)s of %(car)s expires on %(date)s",
                            contract=contract.cost_subtype_id.name or contract.name,
                            car=contract.vehicle_id.license_plate
                            or contract.vehicle_id.display_name,
                            date=contract.expiration_date,
                        ),
                    )
            contracts.office_reminded_days = days
            done += len(contracts)
        return done
