using Microsoft.JSInterop;

namespace Qingfeng.Platform.Ui;

/// <summary>Hands a file made on the server to the browser (see <c>qingfeng.download</c> in app.js).</summary>
public static class FileDownload
{
    public static ValueTask DownloadAsync(this IJSRuntime js, string fileName, byte[] content, string contentType = ApiConventions.ExcelContentType) =>
        js.InvokeVoidAsync("qingfeng.download", fileName, contentType, Convert.ToBase64String(content));
}
