package org.coquille.examples.oldwar;

/** Someone in the staff directory, as the host's JSON shows them (a bean with getters, as Jackson 2.9 reads them). */
public final class Person {

    private final String name;
    private final String department;
    private final String phone;

    Person(String name, String department, String phone) {
        this.name = name;
        this.department = department;
        this.phone = phone;
    }

    public String getName() {
        return name;
    }

    public String getDepartment() {
        return department;
    }

    public String getPhone() {
        return phone;
    }
}
