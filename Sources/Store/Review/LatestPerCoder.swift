/// Each coder's latest row of a review table, answer by answer: the one saved last, storage order
/// breaking ties. A central server's assembled database stores the sites' rows site by site, so
/// the highest id can be a site's older coding stored after a central review's newer one (the
/// exports choose by time for the same reason, `MeasureRepository.latestCodings()`). The ISO 8601
/// UTC text of the time columns sorts as time does.
enum LatestPerCoder {
  /// The query of the latest rows of `table` among those `condition` selects, by its `time` column.
  static func rows(of table: String, by time: String, where condition: String = "1") -> String {
    """
    SELECT * FROM (
      SELECT *, row_number() OVER (
        PARTITION BY session_id, trial_id, participant_code, coder ORDER BY \(time) DESC, id DESC) AS recency
      FROM \(table) WHERE \(condition))
    WHERE recency = 1
    """
  }
}
