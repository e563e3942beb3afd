import datetime

from odoo import api, fields, models


class FleetVehicleLogContract(models.Model):
    """Insurance and annual inspection are fleet contracts; the dispatchers
    are reminded twice before they expire, at the company's reminder days
    (``office_fleet_contract_first_reminder_days`` and
    ``office_fleet_contract_last_reminder_days``: 30 and 7 by default)."""

    _name = "fleet.vehicle.log.contract"
    _inherit = ["office.reminder.mixin", "fleet.vehicle.log.contract"]

    office_reminded_days = fields.Integer(
        string="Reminded (days ahead)",
        copy=False,
        readonly=True,
        help="The last reminder sent, in days before expiry.",
    )

    @api.model
    def _cron_office_expiry_reminders(self, limit=500):
        """One activity per contract and reminder step (office_base's reminder
        helper: set-based, idempotent, bounded per run)."""
        dispatchers = self.env.ref("office_fleet.group_fleet_dispatcher").users
        done = 0
        for company in self.env["res.company"].search([]):
            today = self.env["office.calendar"].today(company)
            steps = {
                company.office_fleet_contract_first_reminder_days,
                company.office_fleet_contract_last_reminder_days,
            }
            for days in sorted((d for d in steps if d > 0), reverse=True):
                contracts = self._office_remind(
                    [
                        ("company_id", "in", [company.id, False]),
                        ("state", "in", ("futur", "open")),
                        ("expiration_date", "!=", False),
                        (
                            "expiration_date",
                            "<=",
                            today + datetime.timedelta(days=days),
                        ),
                        ("expiration_date", ">=", today),
                        "|",
                        ("office_reminded_days", "=", 0),
                        ("office_reminded_days", ">", days),
                    ],
                    "office_fleet.mail_act_office_fleet_contract",
                    lambda c: c.vehicle_id.manager_id or dispatchers[:1],
                    deadline_field="expiration_date",
                    summary=self.env._("Insurance or inspection expires soon"),
                    limit=limit,
                )
                contracts.office_reminded_days = days
                done += len(contracts)
        return done
