namespace ExamPortal.Domain.People;

public enum Gender
{
    Male,
    Female,
}
