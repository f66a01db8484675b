<?xml version="1.0" encoding="UTF-8"?>
<!--
  account.xsl: the optional account: sign in or register with a mobile
  number; once signed in, the number (shown in full to its owner only)
  and the name printed on badges.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">我的账号</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="a" select="account"/>
    <xsl:apply-templates select="$a/@error"/>
    <xsl:choose>
      <xsl:when test="$a/@phone">
        <section class="card">
          <h1>我的账号</h1>
          <xsl:apply-templates select="profile" mode="state"/>
          <dl class="facts">
            <dt>手机号</dt><dd><xsl:value-of select="$a/@phone"/></dd>
            <dt>姓名</dt><dd><xsl:value-of select="$a/@name"/><xsl:if test="not($a/@name)">未填写</xsl:if></dd>
            <dt>角色</dt><dd><xsl:value-of select="profile/@role-name"/><xsl:if test="not(profile/@role)">未选择</xsl:if></dd>
            <dt>所在镇街</dt><dd><xsl:value-of select="profile/@region"/><xsl:if test="not(profile/@region-id)">未选择</xsl:if></dd>
            <dt>所在单位</dt>
            <dd>
              <xsl:choose>
                <xsl:when test="profile/unit">
                  <xsl:value-of select="profile/unit/@name"/>
                  <xsl:if test="profile/unit/@department"><l:m>（<xsl:value-of select="profile/unit/@department"/>）</l:m></xsl:if>
                  <xsl:if test="profile/unit/@member-status = 'pending'">，等待单位审核</xsl:if>
                </xsl:when>
                <xsl:otherwise>无</xsl:otherwise>
              </xsl:choose>
              <xsl:text> </xsl:text><a href="/unit">我的单位</a>
            </dd>
          </dl>
          <p><a class="button" href="/my">我的蓝码</a></p>
        </section>
        <section class="card" id="profile">
          <h2>完善个人信息</h2>
          <form method="post" action="/account/profile" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field">
              <span class="field-label">姓名（显示在胸卡上）</span>
              <input name="name" type="text" maxlength="16" autocomplete="name" value="{$a/@name}"/>
            </label>
            <label class="field">
              <span class="field-label">角色</span>
              <select name="role">
                <option value="">请选择</option>
                <xsl:for-each select="profile-form/roles/role">
                  <option value="{@code}">
                    <xsl:if test="@code = /page/profile/@role"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="@name"/>
                  </option>
                </xsl:for-each>
              </select>
            </label>
            <label class="field">
              <span class="field-label">所在镇街（居住或工作的地方）</span>
              <select name="region">
                <option value="">请选择</option>
                <xsl:for-each select="profile-form/regions/region">
                  <option value="{@id}">
                    <xsl:if test="@id = /page/profile/@region-id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="@name"/>
                  </option>
                </xsl:for-each>
              </select>
            </label>
            <button type="submit" class="button secondary">保存</button>
          </form>
        </section>
        <section class="card" id="password">
          <h2>修改密码</h2>
          <form method="post" action="/account/password" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'current'"/>
              <xsl:with-param name="label" select="'当前密码'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'current-password'"/>
            </xsl:call-template>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="label" select="'新密码（至少 8 位）'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'new-password'"/>
            </xsl:call-template>
            <button type="submit" class="button secondary">修改密码</button>
          </form>
        </section>
        <section class="card">
          <form method="post" action="/account/logout">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="button secondary">退出登录</button>
          </form>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <section class="card narrow">
          <h1>登录</h1>
          <p class="note">绑定手机号后，在这台设备上领取的蓝码会归入你的账号，换手机也能查看和续期。</p>
          <form method="post" action="/account/login" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="phone"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="label" select="'密码'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'current-password'"/>
            </xsl:call-template>
            <button type="submit" class="button">登录并绑定</button>
          </form>
        </section>
        <section class="card narrow">
          <h2>注册新账号</h2>
          <form method="post" action="/account/register" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="phone"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="label" select="'设置密码（至少 8 位）'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'new-password'"/>
            </xsl:call-template>
            <label class="field">
              <span class="field-label">姓名（选填，显示在胸卡上）</span>
              <input name="name" type="text" maxlength="16" autocomplete="name"/>
            </label>
            <button type="submit" class="button">注册并绑定</button>
          </form>
          <p class="note">手机号和姓名只用于在不同设备上查看、续期你的蓝码和在胸卡上显示姓名；核验页面只显示打码后的号码和姓氏。本平台不发送短信，手机号不作验证。</p>
          <p class="note">忘记密码：本平台不发送短信。请联系所在镇街或区消安委办，核实身份后会给你一个一次性重设密码的链接（24 小时内有效）。</p>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether the profile is complete, and what it still needs. -->
  <xsl:template match="profile" mode="state">
    <xsl:choose>
      <xsl:when test="@complete = 'yes'">
        <p class="profile-state complete">个人信息已完善</p>
      </xsl:when>
      <xsl:otherwise>
        <p class="profile-state incomplete">
          <xsl:text>个人信息待完善：还需</xsl:text>
          <xsl:for-each select="missing">
            <xsl:if test="position() &gt; 1">、</xsl:if>
            <xsl:choose>
              <xsl:when test="@what = 'name'">填写姓名</xsl:when>
              <xsl:when test="@what = 'role'">选择角色</xsl:when>
              <xsl:when test="@what = 'region'">选择所在镇街</xsl:when>
              <xsl:when test="@what = 'unit'"><a href="/unit">加入所在单位</a></xsl:when>
            </xsl:choose>
          </xsl:for-each>
          <xsl:text>。</xsl:text>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="phone">
    <label class="field">
      <span class="field-label">手机号</span>
      <input name="phone" type="tel" inputmode="numeric" maxlength="11"
          autocomplete="tel" required="required" value="{/page/account/@entered-phone}"/>
    </label>
  </xsl:template>

  <xsl:template match="@error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test=". = 'bad-phone'">请输入 11 位手机号码。</xsl:when>
        <xsl:when test=". = 'short-password'">密码至少需要 8 位。</xsl:when>
        <xsl:when test=". = 'bad-name'">姓名不超过 16 个字，不能包含特殊字符。</xsl:when>
        <xsl:when test=". = 'taken'">这个手机号已经注册，请直接登录。</xsl:when>
        <xsl:when test=". = 'bad-role'">请从列表中选择角色。</xsl:when>
        <xsl:when test=". = 'bad-region'">请从列表中选择镇街。</xsl:when>
        <xsl:when test=". = 'wrong-password'">当前密码不正确，密码没有修改。</xsl:when>
        <xsl:when test=". = 'throttled'"><l:m>登录失败次数过多，这个手机号（或这台设备所在的网络）暂停登录 15 分钟。请 <xsl:value-of select="../@wait"/> 分钟后再试；忘记密码请联系区消安委办重设。</l:m></xsl:when>
        <xsl:otherwise>手机号或密码不正确。</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
