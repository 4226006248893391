namespace Qingfeng.Platform.Text;

public static class TextFeature
{
    /// <summary>Registers the <see cref="ChineseSegmenter"/> singleton (jieba loads on first use).</summary>
    public static IServiceCollection AddChineseText(this IServiceCollection services)
    {
        services.AddSingleton<ChineseSegmenter>();
        return services;
    }
}
