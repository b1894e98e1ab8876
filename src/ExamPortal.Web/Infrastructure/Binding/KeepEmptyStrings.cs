using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ExamPortal.Web.Infrastructure.Binding;

/// <summary>A field left blank binds as an empty string, so input models never hold a surprise null.</summary>
public sealed class KeepEmptyStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
