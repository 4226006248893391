using System.Text;

namespace Qingfeng.Platform.Calendar;

internal static class CalendarEndpoints
{
    private const int MaxFileBytes = 256 * 1024;

    // The body is read raw (HttpContext, not a bound model) so that malformed JSON is a 422 with a Calendar.* code.
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapApiGroup("/calendar", "Calendar");
        calendar.MapGet("/years", (HolidayCalendarStore store) => TypedResults.Ok(store.Years))
            .WithName("ListCalendarYears").WithSummary("The years with a holiday schedule, their source and whether built in or uploaded.")
            .WithDescription("The years with a holiday schedule (节假日安排) that the working-day calendar knows, their source, and whether built in or uploaded; every deadline counted in working days (e.g. the reply to a 函询) uses it. A year not listed counts the statutory holidays of 《全国年节及纪念日放假办法》 alone, and its deadlines are provisional until its schedule is uploaded. Any signed-in user.");
        calendar.MapGet("/{year:int}", ([Range(HolidayYear.MinYear, HolidayYear.MaxYear)] int year, HolidayCalendarStore store) =>
                TypedResults.Ok((store.Find(year) ?? throw DomainRuleException.NotFound("Calendar.YearUnknown")).ToFile()))
            .WithName("GetCalendarYear").WithSummary("One year's holidays and adjusted working weekends, in the data file format.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("One year's holidays and adjusted working weekends (调休) in the data file format that PutCalendarYear accepts; a year without a schedule answers 404. Any signed-in user.");
        calendar.MapPut("/{year:int}", async ([Range(HolidayYear.MinYear, HolidayYear.MaxYear)] int year, HttpContext http, HolidayCalendarStore store, IEnumerable<IDeadlineRecount> recounts, CancellationToken ct) =>
            {
                // The file's limits (lengths, date window) are the input rules of every request; the schedule's own rules answer 422.
                var json = await ReadBodyAsync(http.Request, ct);
                InputRules.Ensure(HolidayYear.ReadFile(json));
                var saved = await store.SaveYearAsync(json, year, ct);

                // Deadlines counted across the year before its schedule was known were provisional: count them again now.
                foreach (var recount in recounts)
                {
                    await recount.RecountAsync(year, CancellationToken.None);
                }

                return TypedResults.Ok(saved.ToFile());
            })
            .RequirePermission(Permission.CalendarManage)
            .Accepts<HolidayYearFile>("application/json")
            .WithName("PutCalendarYear").WithSummary("Replaces or adds a year's schedule (validated; 422 with a Calendar.* code when invalid).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("Replaces or adds a year's holiday schedule as the State Council publishes it (国务院办公厅关于部分节假日安排的通知); deadlines counted afterwards use it, and every stored deadline counted across that year (provisional until now) is counted again. System administrator only (CalendarManage). A file over its limits answers 400; an invalid schedule (malformed JSON, another year than the path, dates outside the year, overlapping holidays, an adjusted working day that is no weekend) 422 with a Calendar.* code.");
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxFileBytes)
        {
            throw new DomainRuleException("Calendar.TooLarge", MaxFileBytes / 1024);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxFileBytes + 1];
        var builder = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            builder.Append(buffer, 0, read);
            if (builder.Length > MaxFileBytes)
            {
                throw new DomainRuleException("Calendar.TooLarge", MaxFileBytes / 1024);
            }
        }

        return builder.ToString();
    }
}
