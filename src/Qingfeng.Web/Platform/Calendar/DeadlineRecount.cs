namespace Qingfeng.Platform.Calendar;

/// <summary>
/// Stored deadlines counted on the working-day calendar, kept by one feature. When a year's schedule is uploaded, every deadline
/// counted across that year — provisional until then, counted on the statutory holidays alone — is counted again.
/// </summary>
public interface IDeadlineRecount
{
    /// <summary>Counts again the deadlines whose counting touches <paramref name="year"/>; returns how many moved.</summary>
    Task<int> RecountAsync(int year, CancellationToken cancellationToken);
}
