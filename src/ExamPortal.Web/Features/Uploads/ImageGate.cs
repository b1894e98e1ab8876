namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// Turns for decoding uploads, one per core. A camera photo of 12 megapixels holds some 36 MB of pixels and a core
/// for a few hundred milliseconds while it is fitted; at registration opening hundreds arrive at once, and decoding
/// them all together would multiply the memory and starve every other page of CPU. Waiting for a turn costs no
/// thread, and the waiting uploads stay in the temporary files the form reader spooled them to. Per portal instance.
/// </summary>
public static class ImageGate
{
    private static readonly SemaphoreSlim Turns = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Waits for a turn; disposing the result gives it back.</summary>
    public static async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await Turns.WaitAsync(ct);
        return new Turn();
    }

    private sealed class Turn : IDisposable
    {
        private int _returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                Turns.Release();
            }
        }
    }
}
