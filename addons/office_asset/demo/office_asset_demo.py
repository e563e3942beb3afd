from datetime import timedelta

from odoo import api, models


class OfficeAssetDemo(models.AbstractModel):
    """Demo data helpers, called by ``demo/office_asset_demo.xml``: they
    drive the records through their real transitions as the people who act."""

    _name = "office.asset.demo"
    _inherit = ["office.demo"]
    _description = "Office Assets Demo Data"

    @api.model
    def _demo_scan(self, stocktake_id, user_id, skip_ids, extra_codes):
        """Scan every expected asset but `skip_ids`, then `extra_codes`."""
        take = (
            self.env["office.asset.stocktake"].browse(stocktake_id).with_user(user_id)
        )
        for line in take.line_ids.filtered(
            lambda line: line.asset_id.id not in skip_ids
        ):
            take.scan(line.code)
        for code in extra_codes:
            take.scan(code)
        return True

    @api.model
    def _demo_working_days(self, count):
        """The last `count` working days before today, oldest first."""
        calendar = self.env["office.calendar"]
        day = calendar.today() - timedelta(days=1)
        days = []
        while len(days) < count:
            if calendar.is_working_day(day):
                days.append(day)
            day -= timedelta(days=1)
        return list(reversed(days))

    @api.model
    def _demo_rounds(self, area_id, user_id, count, skip_last=False, finding=None):
        """Rounds of the area on the last `count` working days as `user_id`;
        the last one left unrecorded when `skip_last` (the cron misses it)."""
        Round = self.env["office.safety.round"].with_user(user_id)
        days = self._demo_working_days(count)
        if skip_last:
            days = days[:-1]
        for index, day in enumerate(days):
            values = {
                "area_id": area_id,
                "date": day,
                "checker_id": user_id,
                "lights_off": True,
                "computers_off": True,
                "ac_off": True,
                "windows_closed": True,
                "door_locked": True,
            }
            if finding and index == len(days) - 1:
                values.update(computers_off=False, findings=finding)
            Round.create(values).action_done()
        return True

    @api.model
    def _demo_copies(self, job_id, user_id, recipient_ids, recalled):
        """Hand the numbered copies of a printed secret job to `recipient_ids`
        and recall the first `recalled` of them, as the print room."""
        job = self.env["office.print.job"].browse(job_id).with_user(user_id)
        for copy, recipient in zip(job.copy_ids, recipient_ids, strict=False):
            copy.recipient_id = recipient
        job.copy_ids[:recalled].action_recall()
        return True
