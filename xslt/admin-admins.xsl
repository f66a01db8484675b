<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-admins.xsl: the jurisdiction's admin accounts, each with a form
  (name, scope, disabled) and a button for a new password; a form for a
  new account; a password just made, shown this once.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">管理员账号</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'bad-login'">登录名为 3–32 位小写字母、数字、“.”“_”“-”。</xsl:when>
        <xsl:when test="@code = 'taken'">这个登录名已经有人用了。</xsl:when>
        <xsl:when test="@code = 'no-name'">请填写姓名或岗位。</xsl:when>
        <xsl:when test="@code = 'bad-name'">姓名只能是一行文字，最长 32 个字。</xsl:when>
        <xsl:when test="@code = 'bad-scope'">请选择权限范围。</xsl:when>
        <xsl:when test="@code = 'no-region'">镇街管理员须选择所在的镇街。</xsl:when>
        <xsl:when test="@code = 'no-department'">行业部门管理员须选择所在的部门。</xsl:when>
        <xsl:when test="@code = 'no-unit'">单位管理员须选择本辖区一个已审核通过的单位。</xsl:when>
        <xsl:when test="@code = 'no-station'">消防救援站管理员须选择本辖区的一个消防救援站。</xsl:when>
        <xsl:when test="@code = 'self'">不能停用自己的账号，也不能改变自己的权限范围（请由另一位区级管理员操作）。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- The scope's fields; sel: the account's scope, id: what it names. -->
  <xsl:template name="scope-fields">
    <xsl:param name="sel" select="'street'"/>
    <xsl:param name="id" select="''"/>
    <label class="field">
      <span class="field-label">权限范围</span>
      <select name="scope">
        <option value="district"><xsl:if test="$sel = 'district'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>全区（区消安委办）</option>
        <option value="street"><xsl:if test="$sel = 'street'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>一个镇街</option>
        <option value="department"><xsl:if test="$sel = 'department'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>一个行业部门</option>
        <option value="unit"><xsl:if test="$sel = 'unit'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>一个单位</option>
        <option value="station"><xsl:if test="$sel = 'station'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>一个消防救援站</option>
      </select>
    </label>
    <label class="field">
      <span class="field-label">镇街（镇街管理员）</span>
      <select name="region">
        <option value="">—</option>
        <xsl:for-each select="/page/scopes/region">
          <option value="{@id}"><xsl:if test="$sel = 'street' and @id = $id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
        </xsl:for-each>
      </select>
    </label>
    <label class="field">
      <span class="field-label">行业部门（部门管理员）</span>
      <select name="department">
        <option value="">—</option>
        <xsl:for-each select="/page/scopes/department">
          <option value="{@id}"><xsl:if test="$sel = 'department' and @id = $id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
        </xsl:for-each>
      </select>
    </label>
    <label class="field">
      <span class="field-label">单位（单位管理员；已审核通过的，按镇街）</span>
      <select name="unit">
        <option value="">—</option>
        <xsl:for-each select="/page/scopes/unit[not(@region = preceding-sibling::unit[1]/@region)]">
          <xsl:variable name="g" select="@region"/>
          <optgroup label="{@region-name}">
            <xsl:for-each select="/page/scopes/unit[@region = $g]">
              <option value="{@id}"><xsl:if test="$sel = 'unit' and @id = $id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
            </xsl:for-each>
          </optgroup>
        </xsl:for-each>
      </select>
    </label>
    <label class="field">
      <span class="field-label">消防救援站（消防站管理员）</span>
      <select name="station">
        <option value="">—</option>
        <xsl:for-each select="/page/scopes/station">
          <option value="{@id}"><xsl:if test="$sel = 'station' and @id = $id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
        </xsl:for-each>
      </select>
    </label>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>管理员账号</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <p class="note">区级管理员可查看和修改全区的数据；镇街管理员只能查看本镇街的统计；行业部门管理员审核本部门的单位、查看本部门的排名和知晓率；单位管理员只能查看本单位的情况；消防救援站管理员只能管理本站的参观开放时段、预约和到场登记。停用的账号立即退出登录。</p>
      <xsl:if test="password">
        <div class="flash" role="status">
          <p>
            <l:m>账号 <strong><xsl:value-of select="admins/admin[@id = current()/password/@admin]/@login"/></strong> 的密码（只显示这一次，请当面交给本人，登录后可在浏览器中保存）：</l:m>
          </p>
          <p><code class="join-code"><xsl:value-of select="password"/></code></p>
        </div>
      </xsl:if>
      <xsl:for-each select="admins/admin">
        <div class="admin-unit" id="admin-{@id}">
          <h2>
            <xsl:value-of select="@name"/>
            <xsl:text>（</xsl:text><xsl:value-of select="@login"/><xsl:text>）</xsl:text>
            <xsl:if test="@me = 1"><span class="tag tag-you">你</span></xsl:if>
            <xsl:if test="@disabled = 1"><span class="tag tag-skip">已停用</span></xsl:if>
          </h2>
          <p class="note">
            <xsl:choose>
              <xsl:when test="@scope = 'district'">全区</xsl:when>
              <xsl:when test="@scope = 'street'">镇街：<xsl:value-of select="@scope-name"/></xsl:when>
              <xsl:when test="@scope = 'department'">行业部门：<xsl:value-of select="@scope-name"/></xsl:when>
              <xsl:when test="@scope = 'unit'">单位：<xsl:value-of select="@scope-name"/></xsl:when>
              <xsl:when test="@scope = 'station'">消防救援站：<xsl:value-of select="@scope-name"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@scope"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text> · 创建于 </xsl:text><xsl:value-of select="@created"/>
            <xsl:text> · 最近登录 </xsl:text>
            <xsl:choose>
              <xsl:when test="@last-login"><xsl:value-of select="@last-login"/></xsl:when>
              <xsl:otherwise>从未</xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:apply-templates select="/page/error[@admin = current()/@id]"/>
          <form method="post" action="/admin/admins/{@id}" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field">
              <span class="field-label">姓名或岗位</span>
              <input name="name" type="text" maxlength="32" required="required" value="{@name}"/>
            </label>
            <xsl:call-template name="scope-fields">
              <xsl:with-param name="sel" select="@scope"/>
              <xsl:with-param name="id" select="@scope-id"/>
            </xsl:call-template>
            <label class="check">
              <input type="checkbox" name="disabled" value="1">
                <xsl:if test="@disabled = 1"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <span>停用这个账号</span>
            </label>
            <button type="submit" class="button secondary">保存</button>
          </form>
          <form method="post" action="/admin/admins/{@id}/password" class="inline">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="button secondary">生成新密码</button>
          </form>
        </div>
      </xsl:for-each>
    </section>
    <section class="card" id="admin-new">
      <h2>新建管理员账号</h2>
      <xsl:apply-templates select="error[@admin = 0]"/>
      <form method="post" action="/admin/admins" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">登录名</span>
          <input name="login" type="text" maxlength="32" required="required" autocomplete="off" value="{error[@admin = 0]/@login}"/>
        </label>
        <label class="field">
          <span class="field-label">姓名或岗位</span>
          <input name="name" type="text" maxlength="32" required="required" value="{error[@admin = 0]/@name}"/>
        </label>
        <xsl:call-template name="scope-fields"/>
        <button type="submit" class="button">新建并生成密码</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
