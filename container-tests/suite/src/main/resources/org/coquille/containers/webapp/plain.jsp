<%@ page contentType="text/html; charset=ISO-8859-1" pageEncoding="UTF-8" session="false" %><%
    String[] dishes = {"blanquette de veau", "crème brûlée", "café"};
%><html><head><title>Cafétéria</title></head>
<body>
<h1>Menu du jour</h1>
<ul><% for (String dish : dishes) { %>
  <li><%= dish %></li><% } %>
</ul>
<p>Couverts servis : <%= 6 * 7 %> × 2</p>
</body>
</html>
