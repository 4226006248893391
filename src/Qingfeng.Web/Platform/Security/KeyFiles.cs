namespace Qingfeng.Platform.Security;

/// <summary>
/// Demo key files, created once: the file is opened with create-new (O_EXCL), so of concurrent processes exactly one
/// creates it and the others read its keys (retrying while it is still being written); owner read/write only, flushed
/// to disk before use.
/// </summary>
internal static class KeyFiles
{
    public static (T Keys, bool Created) LoadOrCreate<T>(string path, Func<string, T> read, Func<T> generate, Action<Stream, T> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (File.Exists(path))
                {
                    return (read(path), false);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var keys = generate();
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }

                    write(stream, keys);
                    stream.Flush(flushToDisk: true);
                }

                return (keys, true);
            }
            catch (Exception e) when (attempt < 20 && e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another process created the file first and may still be writing it: read theirs.
                Thread.Sleep(50 * attempt);
            }
        }
    }
}
