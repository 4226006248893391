using Microsoft.AspNetCore.Http.HttpResults;

namespace Qingfeng.Platform.Api;

/// <summary>
/// The operations every record API is made of, each mapped once with its answer and its OpenAPI metadata: a filtered read,
/// an Excel export of the same filter, a Word document made for one record, one record by id, a create answering <c>201 Created</c> with the new record's address,
/// and a command on one record answering <c>204 No Content</c>. A feature's map method names, per operation, the service
/// call, the operation id (<c>name</c>) and its one-line summary; the problems each can answer follow from what it is
/// (<see cref="ResponseConventions"/>). The handlers are typed so that the OpenAPI document reads their parameters and
/// answers as it does for a handler written out in full; a request body is required (<c>notnull</c>), as it is for a
/// handler's non-nullable body parameter.
/// </summary>
/// <remarks>
/// Each handler is held in a typed local before it is mapped: the route-handler analyzer of .NET 10 throws on a lambda
/// written inline whose parameters are type parameters (dotnet/aspnetcore#56831, fixed in .NET 11).
/// </remarks>
public static class ApiOperations
{
    /// <summary><c>GET pattern</c>: the filter bound from the query string, answering 200 with what <paramref name="read"/> returns.</summary>
    public static RouteHandlerBuilder MapQuery<TReader, TQuery, TResult>(
        this IEndpointRouteBuilder group, string pattern, Func<TReader, TQuery, CancellationToken, Task<TResult>> read, string name, string summary)
    {
        Func<TQuery, TReader, CancellationToken, Task<Ok<TResult>>> handler = async ([AsParameters] query, reader, ct) =>
            TypedResults.Ok(await read(reader, query, ct));
        return group.MapGet(pattern, handler).WithName(name).WithSummary(summary);
    }

    /// <summary><c>GET pattern</c>: the filter bound from the query string, answering the workbook <paramref name="write"/> makes, as <paramref name="fileName"/>.</summary>
    public static RouteHandlerBuilder MapExcelExport<TWriter, TQuery>(
        this IEndpointRouteBuilder group, string pattern, Func<TWriter, TQuery, CancellationToken, Task<byte[]>> write, string fileName, string name, string summary)
    {
        Func<TQuery, TWriter, CancellationToken, Task<FileContentHttpResult>> handler = async ([AsParameters] query, writer, ct) =>
            TypedResults.File(await write(writer, query, ct), ApiConventions.ExcelContentType, fileName);
        return group.MapGet(pattern, handler).WithName(name).WithSummary(summary).ProducesFile(ApiConventions.ExcelContentType);
    }

    /// <summary><c>GET pattern</c>: the .docx <paramref name="write"/> makes for the record <c>{id}</c>, under the file name it gives.</summary>
    public static RouteHandlerBuilder MapWordDocument<TWriter>(
        this IEndpointRouteBuilder group, string pattern, Func<TWriter, Guid, CancellationToken, Task<(string FileName, byte[] Content)>> write, string name, string summary)
    {
        Func<Guid, TWriter, CancellationToken, Task<FileContentHttpResult>> handler = async (id, writer, ct) =>
        {
            var (fileName, content) = await write(writer, id, ct);
            return TypedResults.File(content, ApiConventions.WordContentType, fileName);
        };
        return group.MapGet(pattern, handler).WithName(name).WithSummary(summary).ProducesFile(ApiConventions.WordContentType);
    }

    /// <summary><c>GET pattern</c>: the .docx of the kind <c>{kind}</c> that <paramref name="write"/> makes for the record <c>{id}</c>.</summary>
    public static RouteHandlerBuilder MapWordDocument<TWriter, TKind>(
        this IEndpointRouteBuilder group, string pattern, Func<TWriter, Guid, TKind, CancellationToken, Task<(string FileName, byte[] Content)>> write, string name, string summary)
    {
        Func<Guid, TKind, TWriter, CancellationToken, Task<FileContentHttpResult>> handler = async (id, kind, writer, ct) =>
        {
            var (fileName, content) = await write(writer, id, kind, ct);
            return TypedResults.File(content, ApiConventions.WordContentType, fileName);
        };
        return group.MapGet(pattern, handler).WithName(name).WithSummary(summary).ProducesFile(ApiConventions.WordContentType);
    }

    /// <summary><c>GET /{id}</c>: one record, or 404 when it does not exist or lies outside the caller's reach.</summary>
    public static RouteHandlerBuilder MapGetById<TReader, TResult>(
        this IEndpointRouteBuilder group, Func<TReader, Guid, CancellationToken, Task<TResult>> read, string name, string summary)
    {
        Func<Guid, TReader, CancellationToken, Task<Ok<TResult>>> handler = async (id, reader, ct) => TypedResults.Ok(await read(reader, id, ct));
        return group.MapGet("/{id:guid}", handler).WithName(name).WithSummary(summary);
    }

    /// <summary><c>POST /</c>: creates a record, answering 201 with its address and its id as an <see cref="IdResult"/>.</summary>
    public static RouteHandlerBuilder MapCreate<TService, TRequest>(
        this IEndpointRouteBuilder group, Func<TService, TRequest, CancellationToken, Task<Guid>> create, string name, string summary)
        where TRequest : notnull =>
        group.MapCreate(create, id => new IdResult(id), name, summary);

    /// <summary><c>POST /</c>: creates a record, answering 201 with its address and the body <paramref name="body"/> makes of its id.</summary>
    public static RouteHandlerBuilder MapCreate<TService, TRequest, TBody>(
        this IEndpointRouteBuilder group, Func<TService, TRequest, CancellationToken, Task<Guid>> create, Func<Guid, TBody> body, string name, string summary)
        where TRequest : notnull
    {
        Func<TRequest, TService, HttpContext, CancellationToken, Task<Created<TBody>>> handler = async (request, service, http, ct) =>
        {
            var id = await create(service, request, ct);
            return TypedResults.Created($"{http.Request.Path.Value?.TrimEnd('/')}/{id}", body(id));
        };
        return group.MapPost("/", handler).WithName(name).WithSummary(summary);
    }

    /// <summary><c>POST pattern</c>: a command on the record <c>{id}</c> with a request body, answering 204.</summary>
    public static RouteHandlerBuilder MapAction<TService, TRequest>(
        this IEndpointRouteBuilder group, string pattern, Func<TService, Guid, TRequest, CancellationToken, Task> act, string name, string summary)
        where TRequest : notnull =>
        group.MapCommand(HttpMethods.Post, pattern, act, name, summary);

    /// <summary><c>POST pattern</c>: a command on the record <c>{id}</c> without a body, answering 204.</summary>
    public static RouteHandlerBuilder MapAction<TService>(
        this IEndpointRouteBuilder group, string pattern, Func<TService, Guid, CancellationToken, Task> act, string name, string summary)
    {
        Func<Guid, TService, CancellationToken, Task<NoContent>> handler = async (id, service, ct) =>
        {
            await act(service, id, ct);
            return TypedResults.NoContent();
        };
        return group.MapPost(pattern, handler).WithName(name).WithSummary(summary);
    }

    /// <summary><c>PUT pattern</c>: replaces the record <c>{id}</c>, or a part of it, with the request body, answering 204.</summary>
    public static RouteHandlerBuilder MapUpdate<TService, TRequest>(
        this IEndpointRouteBuilder group, string pattern, Func<TService, Guid, TRequest, CancellationToken, Task> update, string name, string summary)
        where TRequest : notnull =>
        group.MapCommand(HttpMethods.Put, pattern, update, name, summary);

    private static RouteHandlerBuilder MapCommand<TService, TRequest>(
        this IEndpointRouteBuilder group, string method, string pattern, Func<TService, Guid, TRequest, CancellationToken, Task> command, string name, string summary)
        where TRequest : notnull
    {
        Func<Guid, TRequest, TService, CancellationToken, Task<NoContent>> handler = async (id, request, service, ct) =>
        {
            await command(service, id, request, ct);
            return TypedResults.NoContent();
        };
        return group.MapMethods(pattern, [method], handler).WithName(name).WithSummary(summary);
    }
}
