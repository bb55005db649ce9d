/// A spreadsheet date-time: the serial number and the date system it counts in.
public struct ExcelDate: Hashable, Sendable {
    public var serial: Double
    /// True for the 1904 date system (old Mac Excel): serial 0 is 1904-01-01.
    public var uses1904: Bool
    /// How the cell's number format shows it; nil shows the ISO form.
    public var pattern: DatePattern?

    /// A date cell's serial number in the workbook's date system, and the pattern its number format shows it in.
    ///
    ///     ExcelDate(serial: 45291).isoText   // "2023-12-31"
    public init(serial: Double, uses1904: Bool = false, pattern: DatePattern? = nil) {
        self.serial = serial
        self.uses1904 = uses1904
        self.pattern = pattern
    }

    /// The date as the spreadsheet shows it: through its format's pattern (`2024年12月`), else in ISO form.
    public var shownText: String {
        guard let pattern else { return isoText }
        let c = components
        return pattern.text(year: c.year, month: c.month, day: c.day, seconds: c.seconds)
    }

    /// The largest serial a spreadsheet shows as a date (9999-12-31 23:59:59 in the 1900 system).
    public static let largestSerial = 2_958_465.999_99

    /// True for serials that are calendar dates (0 to 9999-12-31); anything else is a number, whatever its format.
    public static func representable(_ serial: Double) -> Bool { serial.isFinite && serial >= 0 && serial <= largestSerial }

    /// Calendar parts (proleptic Gregorian), with the time of day in seconds. A serial outside the range of dates
    /// is clamped to it (never a trap).
    public var components: (year: Int, month: Int, day: Int, seconds: Int) {
        let serial = self.serial.isFinite ? min(max(self.serial, 0), ExcelDate.largestSerial) : 0
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        if uses1904 {
            return ExcelDate.civil(fromDays: days + ExcelDate.daysFrom1970(1904, 1, 1)) + (seconds)
        }
        // 1900 system: Excel counts 1900-02-29 (serial 60), which never existed (Lotus' bug).
        if days == 60 { return (1900, 2, 29, seconds) }
        if days < 60 { days += 1 }
        return ExcelDate.civil(fromDays: days + ExcelDate.daysFrom1970(1899, 12, 30)) + (seconds)
    }

    /// `2024-03-05`, or `2024-03-05T08:30:00` when there is a time, or `08:30:00` for a pure time.
    public var isoText: String {
        let c = components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = "\(two(c.seconds / 3600)):\(two(c.seconds / 60 % 60)):\(two(c.seconds % 60))"
        if serial < 1 && serial >= 0 && !uses1904 { return time }
        var year = String(c.year)
        while year.count < 4 { year = "0" + year }
        let date = "\(year)-\(two(c.month))-\(two(c.day))"
        return c.seconds == 0 ? date : date + "T" + time
    }

    // Howard Hinnant's days-from-civil algorithms.
    static func daysFrom1970(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// The serial for a calendar date in the 1900 system (for writing dates).
    public static func serial1900(year: Int, month: Int, day: Int) -> Double {
        var days = daysFrom1970(year, month, day) - daysFrom1970(1899, 12, 30)
        if days <= 60 { days -= 1 }
        return Double(days)
    }
}

private func + (lhs: (Int, Int, Int), rhs: Int) -> (year: Int, month: Int, day: Int, seconds: Int) {
    (lhs.0, lhs.1, lhs.2, rhs)
}
