using System.Globalization;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Data.Entities;
using FluentValidation;

namespace ExamPortal.Web.Features.Tickets;

/// <summary>A room of the batch as typed; capacity stays text so "三十" comes back with a message, not a blank.</summary>
public sealed class RoomInput
{
    public string? Name { get; set; }
    public string? Location { get; set; }
    public string? Capacity { get; set; } = SeatAllocator.DefaultCapacity.ToString(CultureInfo.InvariantCulture);

    public int CapacityValue => int.TryParse(Capacity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}

public sealed class RoomInputValidator : AbstractValidator<RoomInput>
{
    public RoomInputValidator()
    {
        RuleFor(x => x.Name).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写考场名称，例如 第01考场")
            .MaximumLength(ExamRoom.NameMaxLength).WithMessage($"考场名称不能超过{ExamRoom.NameMaxLength}字");
        RuleFor(x => x.Location).MaximumLength(ExamRoom.LocationMaxLength).WithMessage($"考场位置不能超过{ExamRoom.LocationMaxLength}字");
        RuleFor(x => x.Capacity).Must(v => int.TryParse(v?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ExamRoom.MaxCapacity)
            .WithMessage($"座位数请填写1到{ExamRoom.MaxCapacity}之间的整数（默认{SeatAllocator.DefaultCapacity}）");
    }
}

/// <summary>A plan's exam time and venue as typed (HH:mm).</summary>
public sealed class ArrangementInput
{
    public int ExamPlanId { get; set; }
    public string? Venue { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact((text ?? string.Empty).Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

public sealed class ArrangementInputValidator : AbstractValidator<ArrangementInput>
{
    public ArrangementInputValidator()
    {
        RuleFor(x => x.Venue).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写考点名称和地址")
            .MaximumLength(200).WithMessage("考点不能超过200字");
        RuleFor(x => x.StartTime).Must(v => ArrangementInput.TryParseTime(v, out _)).WithMessage("开始时间格式应为 09:00");
        RuleFor(x => x.EndTime).Must(v => ArrangementInput.TryParseTime(v, out _)).WithMessage("结束时间格式应为 11:00");
        RuleFor(x => x.EndTime)
            .Must((x, end) => ArrangementInput.TryParseTime(x.StartTime, out var s) && ArrangementInput.TryParseTime(end, out var e) && e > s)
            .When(x => ArrangementInput.TryParseTime(x.StartTime, out _) && ArrangementInput.TryParseTime(x.EndTime, out _))
            .WithMessage("结束时间应晚于开始时间");
    }
}
