<%@ page session="false" %><% response.sendRedirect("page.jsp"); %>
