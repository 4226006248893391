namespace Qingfeng.Platform.Api;

/// <summary>The body of a <c>201 Created</c> answer: the new record's id (its address is in the <c>Location</c> header).</summary>
public sealed record IdResult(Guid Id);
