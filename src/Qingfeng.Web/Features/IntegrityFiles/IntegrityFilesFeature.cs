using Qingfeng.Features.IntegrityFiles.Pages;
using Qingfeng.Features.Roster.Pages;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.IntegrityFiles;

public static class IntegrityFilesFeature
{
    /// <summary>The integrity file (廉政档案) composes the official's page: its supervision record joins the page's records slot.</summary>
    public static IServiceCollection AddIntegrityFiles(this IServiceCollection services) =>
        services.AddToPageSlot<SupervisionRecordCard>(OfficialDetail.RecordsSlot);
}
